import { z } from 'zod/mini'

/**
 * HighLevel's daily request budget for the location, as the server last read it from
 * HighLevel's `X-RateLimit-Daily-Remaining` and `X-RateLimit-Limit-Daily` answer headers
 * (`GET /_inbox/budget`, and the push channel's `budget` event; docs/server.md).
 *
 * `known: false` until the server has seen those headers: nothing is shown then. HighLevel
 * sends no time of renewal, so none is given.
 */
export const DAILY_BUDGET_PATH = '/_inbox/budget'

export const dailyBudgetSchema = z.union([
  z.object({ known: z.literal(false) }),
  z.object({
    known: z.literal(true),
    remaining: z.number(),
    limit: z.number(),
    /** `remaining` is at or below `lowAt`: people are told. */
    low: z.boolean(),
    lowAt: z.number(),
    /** `remaining` is at or below `reserveAt`: bulk jobs wait, the rest is kept for people. */
    bulkPaused: z.boolean(),
    reserveAt: z.number(),
  }),
])
export type DailyBudget = z.infer<typeof dailyBudgetSchema>
export type KnownDailyBudget = Extract<DailyBudget, { known: true }>
