import { z } from 'zod'

/** `/config.json`: what the server tells the app about itself. Never holds a secret. */
export const appConfigSchema = z.object({
  mode: z.enum(['emulator', 'live']),
  locationId: z.string(),
  locationName: z.string().optional(),
  /** Where "open in HighLevel" links point (white-label domains differ). */
  appUrl: z.string().optional(),
})
export type AppConfig = z.infer<typeof appConfigSchema>
