import { z } from 'zod/mini'

/** HighLevel's error body: `message` is a string, or a list of strings for 422. */
export const apiErrorBodySchema = z.looseObject({
  statusCode: z.optional(z.number()),
  message: z.optional(z.union([z.string(), z.array(z.string())])),
  error: z.optional(z.string()),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>
