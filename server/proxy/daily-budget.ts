import type { DailyBudget as DailyBudgetStatus } from '../../src/api/schemas/daily-budget.ts'
import { headerNumber, RATE_LIMIT_HEADERS } from './rate-limit-headers.ts'

/**
 * HighLevel's daily request budget for the location (200,000 a day by default, shared by every
 * token and app of it), as HighLevel's answers last reported it. The proxy reads the headers of
 * every answer, paced or not; the pacer keeps bulk work out of the last `DAILY_RESERVE_SHARE`,
 * and people are told below `DAILY_LOW_SHARE` (docs/server.md).
 */
export interface DailyBudget {
  /** Reads `X-RateLimit-Daily-Remaining` and `X-RateLimit-Limit-Daily`, when the answer has them. */
  observe(headers: Headers): void
  /** The last daily remaining HighLevel sent; undefined before the first. */
  readonly remaining: number | undefined
  /** The location's daily limit, once known. */
  readonly limit: number | undefined
  /** At or below the reserve: bulk work waits for tomorrow's budget. */
  readonly bulkPaused: boolean
  status(): DailyBudgetStatus
  /**
   * Told when what people should see changes: known, low or not, bulk paused or not, and while
   * low each further `NEWS_STEP_SHARE` of the limit spent. Returns the unsubscribe.
   */
  onChange(listener: (status: DailyBudgetStatus) => void): () => void
}

/** People are told once the day's remaining is at or below this share of the limit (20,000 of 200,000). */
export const DAILY_LOW_SHARE = 0.1
/** Bulk work stops at or below this share of the daily limit (10,000 of 200,000), keeping the rest for people. */
export const DAILY_RESERVE_SHARE = 0.05
/** What HighLevel documents, for an answer that gives the remaining but not the limit. */
export const DEFAULT_DAILY_LIMIT = 200_000
/** While low, the figure shown is news again after this share of the limit (1,000 of 200,000) is spent. */
export const NEWS_STEP_SHARE = 0.005

export function dailyStatus(remaining: number, limit: number): DailyBudgetStatus {
  const lowAt = Math.floor(limit * DAILY_LOW_SHARE)
  const reserveAt = Math.floor(limit * DAILY_RESERVE_SHARE)
  return { known: true, remaining, limit, low: remaining <= lowAt, lowAt, bulkPaused: remaining <= reserveAt, reserveAt }
}

/** Two statuses that people would see the same way: no news. */
function newsKey(status: DailyBudgetStatus): string {
  if (!status.known) return 'unknown'
  if (!status.low) return 'ok'
  const step = Math.max(1, Math.floor(status.limit * NEWS_STEP_SHARE))
  return `low ${status.bulkPaused ? 'paused' : 'open'} ${status.limit} ${Math.floor(status.remaining / step)}`
}

export function createDailyBudget(): DailyBudget {
  let figure: { remaining: number; limit: number } | undefined
  const listeners = new Set<(status: DailyBudgetStatus) => void>()
  const status = (): DailyBudgetStatus => (figure ? dailyStatus(figure.remaining, figure.limit) : { known: false })
  let lastNews = newsKey(status())

  return {
    get remaining() {
      return figure?.remaining
    },
    get limit() {
      return figure?.limit
    },
    get bulkPaused() {
      const now = status()
      return now.known && now.bulkPaused
    },
    status,
    observe(headers) {
      const remaining = headerNumber(headers, RATE_LIMIT_HEADERS.dailyRemaining)
      if (remaining === undefined) return
      figure = { remaining, limit: headerNumber(headers, RATE_LIMIT_HEADERS.dailyLimit) ?? figure?.limit ?? DEFAULT_DAILY_LIMIT }
      const now = status()
      const news = newsKey(now)
      if (news === lastNews) return
      lastNews = news
      for (const listener of [...listeners]) listener(now)
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
