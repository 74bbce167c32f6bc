import { z } from 'zod/mini'

/** `/config.json`: what the server tells the app about itself. Never holds a secret. */
export const appConfigSchema = z.object({
  mode: z.enum(['emulator', 'live']),
  locationId: z.string(),
  locationName: z.optional(z.string()),
  /** Where "open in HighLevel" links point (white-label domains differ). */
  appUrl: z.optional(z.string()),
})
export type AppConfig = z.infer<typeof appConfigSchema>
