import type { RateLimit } from './options'

/** HighLevel's published limits: 100 per 10 s burst, 200,000 a day per app and location. */
export const HIGHLEVEL_BURST: RateLimit = { max: 100, intervalMs: 10_000 }
export const DAILY_MAX = 200_000
const DAY_MS = 86_400_000

interface Window {
  start: number
  used: number
  dayStart: number
  dayUsed: number
}

export interface RateDecision {
  allowed: boolean
  headers: Record<string, string>
}

/**
 * Fixed-window counters per location (HighLevel counts per app and location). Headers go out
 * on every answer, as HighLevel sends them; requests are refused only when a limit is configured:
 * the burst once `rateLimit` is spent, the day once a location started with `dailyRemaining`
 * has none left (then `Retry-After` says when the day renews).
 */
export class RateLimiter {
  private windows = new Map<string, Window>()

  /** `POST /_emulator/knobs {dailyRemaining}`: each location's day starts with this many left. */
  dailyRemaining: number | undefined

  constructor(public limit: RateLimit | undefined) {}

  reset(): void {
    this.windows.clear()
  }

  take(locationId: string, now: number): RateDecision {
    const limit = this.limit ?? HIGHLEVEL_BURST
    let window = this.windows.get(locationId)
    if (!window) {
      window = { start: now, used: 0, dayStart: now, dayUsed: DAILY_MAX - (this.dailyRemaining ?? DAILY_MAX) }
      this.windows.set(locationId, window)
    }
    if (now - window.start >= limit.intervalMs) Object.assign(window, { start: now, used: 0 })
    if (now - window.dayStart >= DAY_MS) Object.assign(window, { dayStart: now, dayUsed: 0 })
    const burstLeft = this.limit === undefined || window.used < limit.max
    const dayLeft = this.dailyRemaining === undefined || window.dayUsed < DAILY_MAX
    const allowed = burstLeft && dayLeft
    if (allowed) {
      window.used++
      window.dayUsed++
    }
    const headers: Record<string, string> = {
      'X-RateLimit-Limit-Daily': String(DAILY_MAX),
      'X-RateLimit-Daily-Remaining': String(Math.max(0, DAILY_MAX - window.dayUsed)),
      'X-RateLimit-Interval-Milliseconds': String(limit.intervalMs),
      'X-RateLimit-Max': String(limit.max),
      'X-RateLimit-Remaining': String(Math.max(0, limit.max - window.used)),
    }
    const renewsAt = dayLeft ? window.start + limit.intervalMs : window.dayStart + DAY_MS
    if (!allowed) headers['Retry-After'] = String(Math.max(1, Math.ceil((renewsAt - now) / 1000)))
    return { allowed, headers }
  }
}
