import { z } from 'zod/mini'

/** `/config.json`: what the server tells the app about itself. Never holds a secret. */
export const appConfigSchema = z.object({
  mode: z.enum(['emulator', 'live']),
  locationId: z.string(),
  locationName: z.optional(z.string()),
  /** Where "open in HighLevel" links point (white-label domains differ). */
  appUrl: z.optional(z.string()),
  /** `GHL_READ_ONLY=1` on the server: every write is refused, so the app offers none. */
  readOnly: z._default(z.boolean(), false),
})
export type AppConfig = z.infer<typeof appConfigSchema>
