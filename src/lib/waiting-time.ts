export type WaitingLevel = 'ok' | 'warning' | 'overdue'

export interface WaitingTime {
  waitingMs: number
  level: WaitingLevel
}

/** The response-time target until the agent picks one. */
export const DEFAULT_RESPONSE_TARGET_MS = 2 * 3_600_000

/** Past this share of the target a waiting conversation is flagged before it is overdue. */
export const WARNING_SHARE = 0.75

/** What `waitingTime` reads: a search result row and `GET /conversations/{id}` both fit. */
export interface WaitingFields {
  lastMessageDirection?: string | null
  lastMessageDate?: number | null
}

/**
 * How long the contact has been waiting for an answer: only when the last message came in
 * (an outbound last message means the ball is in their court). A clock behind the server's
 * counts as no wait rather than a negative one.
 */
export function waitingTime(conversation: WaitingFields, now: number, targetMs: number): WaitingTime | null {
  if (conversation.lastMessageDirection !== 'inbound') return null
  const since = conversation.lastMessageDate
  if (since === null || since === undefined || !Number.isFinite(since)) return null
  const waitingMs = Math.max(0, now - since)
  const level: WaitingLevel =
    waitingMs >= targetMs ? 'overdue' : waitingMs >= targetMs * WARNING_SHARE ? 'warning' : 'ok'
  return { waitingMs, level }
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A short duration for a badge: "<1 min", "42 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return '<1 min'
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`
  if (ms < DAY) {
    const minutes = Math.floor((ms % HOUR) / MINUTE)
    return minutes ? `${Math.floor(ms / HOUR)} h ${minutes} min` : `${Math.floor(ms / HOUR)} h`
  }
  const hours = Math.floor((ms % DAY) / HOUR)
  return hours ? `${Math.floor(ms / DAY)} d ${hours} h` : `${Math.floor(ms / DAY)} d`
}
