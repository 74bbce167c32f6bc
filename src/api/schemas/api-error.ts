import { z } from 'zod'

/** HighLevel's error body: `message` is a string, or a list of strings for 422. */
export const apiErrorBodySchema = z.looseObject({
  statusCode: z.number().optional(),
  message: z.union([z.string(), z.array(z.string())]).optional(),
  error: z.string().optional(),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>
