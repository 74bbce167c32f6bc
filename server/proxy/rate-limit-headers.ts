/** HighLevel's rate-limit answer headers (docs: marketplace.gohighlevel.com/docs/other/rate-limits). */
export const RATE_LIMIT_HEADERS = {
  remaining: 'x-ratelimit-remaining',
  intervalMs: 'x-ratelimit-interval-milliseconds',
  dailyRemaining: 'x-ratelimit-daily-remaining',
  dailyLimit: 'x-ratelimit-limit-daily',
} as const

/** A header's whole, non-negative number; undefined when absent, empty or anything else. */
export function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name)
  const value = raw === null || raw.trim() === '' ? NaN : Number(raw)
  return Number.isFinite(value) && value >= 0 ? value : undefined
}
