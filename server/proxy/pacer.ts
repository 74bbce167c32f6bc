import type { DailyBudget } from './daily-budget.ts'
import { headerNumber, RATE_LIMIT_HEADERS } from './rate-limit-headers.ts'

/**
 * Keeps every browser tab, user and background job of this server inside HighLevel's one budget
 * (100 requests per 10 s per app and location) instead of letting them trip its 429s.
 *
 * A token bucket whose tokens come back `windowMs` after the upstream call that took them
 * has *finished*: then no `windowMs` window at HighLevel ever sees more than `limit` calls,
 * whatever the network delay, which a bucket refilling at a steady rate cannot promise.
 *
 * Waiting calls are served by priority (a person waiting first, background work last), and
 * within one priority in turn by client, so one tab or job cannot starve the others; no client
 * may hold more than a share of the queue. A client named `<address> <tab>` belongs to its
 * address: turns and queue places go to addresses first, then to the tabs within one, so a
 * caller inventing a new tab id per request gains nothing over one that keeps its own.
 */
export type Priority = 'interactive' | 'action' | 'refresh' | 'bulk'

/** Served in this order. */
export const PRIORITIES: readonly Priority[] = ['interactive', 'action', 'refresh', 'bulk']

export interface PacerOptions {
  limit: number
  windowMs: number
  /** Callers allowed to wait for a token; beyond that they get a 429 of our own. */
  queueMax: number
  /** HighLevel's daily budget as the proxy last read it: bulk work is refused once it is nearly spent. */
  daily?: Pick<DailyBudget, 'bulkPaused' | 'remaining'> | undefined
}

export interface AcquireOptions {
  signal?: AbortSignal | undefined
  /** Default 'interactive'. */
  priority?: Priority | undefined
  /** Who is asking (a browser's address and tab, a job's id); default one shared client. */
  client?: string | undefined
  /** 0..1: granted only while this priority's tokens in use (in flight + cooling) stay below `maxShare * limit`. */
  maxShare?: number | undefined
}

export type Release = () => void

export class QueueFullError extends Error {
  constructor(readonly retryAfterMs: number, message = 'Too many requests are already waiting for HighLevel') {
    super(message)
    this.name = 'QueueFullError'
  }
}

/** HighLevel's daily count is nearly spent: background work waits for tomorrow's. */
export class DailyBudgetLowError extends QueueFullError {
  constructor(readonly dailyRemaining: number) {
    super(DAILY_RETRY_MS, `HighLevel's daily request budget is nearly spent (${dailyRemaining} left); bulk work is paused`)
    this.name = 'DailyBudgetLowError'
  }
}

export interface Pacer {
  /** Resolves once the call may go out; call the returned function when it has finished. */
  acquire(options?: AcquireOptions): Promise<Release>
  /** Lets nothing out for `ms`: HighLevel said 429 anyway (another client shares the budget). */
  hold(ms: number): void
  /** Reads HighLevel's burst headers (`X-RateLimit-Remaining`), which also count other apps' use. */
  observe(headers: Headers): void
  readonly waiting: number
}

/** No client may hold more than this share of the queue (at least one place). */
export const CLIENT_QUEUE_SHARE = 0.5
const DAILY_RETRY_MS = 60_000
const SHARED_CLIENT = 'shared'
const SERVED_MEMORY = 1000

/** The address a `<address> <tab>` client belongs to; any other client is its own group. */
export function clientGroup(client: string): string {
  const space = client.indexOf(' ')
  return space === -1 ? client : client.slice(0, space)
}

interface Waiter {
  client: string
  priority: Priority
  maxShare: number | undefined
  grant: (release: Release) => void
}

export function createPacer(options: PacerOptions): Pacer {
  const { limit, windowMs, queueMax, daily } = options
  const clientMax = Math.max(1, Math.floor(queueMax * CLIENT_QUEUE_SHARE))
  /** Waiting callers in arrival order; granting picks by priority, then client turn. */
  const queue: Waiter[] = []
  /** When each recently finished call's token becomes usable again, oldest first. */
  const cooling: { until: number; priority: Priority }[] = []
  const inFlight = new Map<Priority, number>()
  /** Clients in the order they were last served: the least recently served goes first. */
  const served = new Map<string, number>()
  let servedCount = 0
  let heldUntil = 0
  /** What HighLevel last said remains in its window, less what went out since. */
  let upstream: { remaining: number; until: number } | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const totalInFlight = (): number => [...inFlight.values()].reduce((sum, count) => sum + count, 0)

  /** Takes back the tokens whose window has passed; call before counting anything. */
  const available = (now: number): number => {
    while (cooling.length > 0 && (cooling[0]?.until ?? 0) <= now) cooling.shift()
    if (upstream && upstream.until <= now) upstream = undefined
    if (now < heldUntil) return 0
    const local = limit - totalInFlight() - cooling.length
    return upstream ? Math.min(local, upstream.remaining) : local
  }

  const inUse = (priority: Priority): number =>
    (inFlight.get(priority) ?? 0) + cooling.filter((token) => token.priority === priority).length

  const withinShare = (priority: Priority, maxShare: number | undefined): boolean =>
    maxShare === undefined || inUse(priority) < maxShare * limit

  const take = (priority: Priority, client: string): Release => {
    inFlight.set(priority, (inFlight.get(priority) ?? 0) + 1)
    if (upstream) upstream.remaining -= 1
    servedCount += 1
    for (const key of new Set([clientGroup(client), client])) {
      served.delete(key)
      served.set(key, servedCount)
    }
    // Only waiting clients' turns matter; the map keeps the most recent ones.
    while (served.size > SERVED_MEMORY) served.delete(served.keys().next().value ?? '')
    let released = false
    return () => {
      if (released) return
      released = true
      inFlight.set(priority, (inFlight.get(priority) ?? 1) - 1)
      cooling.push({ until: Date.now() + windowMs, priority })
      drain()
    }
  }

  /** Served longer ago than `other`: its address first, then the client itself. */
  const before = (waiter: Waiter, other: Waiter): boolean => {
    const group = served.get(clientGroup(waiter.client)) ?? 0
    const otherGroup = served.get(clientGroup(other.client)) ?? 0
    if (group !== otherGroup) return group < otherGroup
    return (served.get(waiter.client) ?? 0) < (served.get(other.client) ?? 0)
  }

  /** The next waiter to serve: highest priority first, then the address and client served longest ago. */
  const next = (): Waiter | undefined => {
    for (const priority of PRIORITIES) {
      let best: Waiter | undefined
      for (const waiter of queue) {
        if (waiter.priority !== priority || !withinShare(priority, waiter.maxShare)) continue
        if (!best || before(waiter, best)) best = waiter
      }
      if (best) return best
    }
    return undefined
  }

  const drain = (): void => {
    for (let free = available(Date.now()), waiter = next(); waiter && free > 0; free -= 1, waiter = next()) {
      queue.splice(queue.indexOf(waiter), 1)
      waiter.grant(take(waiter.priority, waiter.client))
    }
    if (queue.length === 0 || timer !== undefined) return
    const now = Date.now()
    const wakeAt = heldUntil > now ? heldUntil : Math.min(cooling[0]?.until ?? Infinity, upstream?.until ?? Infinity)
    // Infinite: every token is in flight, and the next `release` drains again.
    if (wakeAt === Infinity) return
    timer = setTimeout(() => {
      timer = undefined
      drain()
    }, Math.max(0, wakeAt - now))
  }

  return {
    get waiting() {
      return queue.length
    },
    hold(ms) {
      heldUntil = Math.max(heldUntil, Date.now() + ms)
    },
    observe(headers) {
      const remaining = headerNumber(headers, RATE_LIMIT_HEADERS.remaining)
      if (remaining !== undefined) {
        const interval = headerNumber(headers, RATE_LIMIT_HEADERS.intervalMs) ?? windowMs
        upstream = { remaining, until: Date.now() + Math.min(interval, windowMs) }
      }
      drain()
    },
    acquire(acquireOptions = {}) {
      const { signal, priority = 'interactive', client = SHARED_CLIENT, maxShare } = acquireOptions
      if (signal?.aborted) return Promise.reject(signal.reason)
      if (priority === 'bulk' && daily?.bulkPaused) return Promise.reject(new DailyBudgetLowError(daily.remaining ?? 0))
      const free = available(Date.now())
      const ahead = queue.some((waiter) => PRIORITIES.indexOf(waiter.priority) <= PRIORITIES.indexOf(priority))
      if (!ahead && free > 0 && withinShare(priority, maxShare)) return Promise.resolve(take(priority, client))
      const group = clientGroup(client)
      const mine = queue.filter((waiter) => clientGroup(waiter.client) === group).length
      if (queue.length >= queueMax || mine >= clientMax) {
        const rounds = Math.ceil((queue.length + 1) / limit)
        return Promise.reject(new QueueFullError(rounds * windowMs))
      }
      return new Promise<Release>((resolve, reject) => {
        const onAbort = (): void => {
          const index = queue.indexOf(waiter)
          if (index !== -1) queue.splice(index, 1)
          reject(signal?.reason)
        }
        const waiter: Waiter = {
          client,
          priority,
          maxShare,
          grant: (release) => {
            signal?.removeEventListener('abort', onAbort)
            resolve(release)
          },
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(waiter)
        drain()
      })
    },
  }
}
