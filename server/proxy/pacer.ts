/**
 * Keeps every browser tab and user of this server inside HighLevel's one budget
 * (100 requests per 10 s per app and location) instead of letting them trip its 429s.
 *
 * A token bucket whose tokens come back `windowMs` after the upstream call that took them
 * has *finished*: then no `windowMs` window at HighLevel ever sees more than `limit` calls,
 * whatever the network delay, which a bucket refilling at a steady rate cannot promise.
 */
export interface PacerOptions {
  limit: number
  windowMs: number
  /** Callers allowed to wait for a token; beyond that they get a 429 of our own. */
  queueMax: number
}

export type Release = () => void

export class QueueFullError extends Error {
  constructor(readonly retryAfterMs: number) {
    super('Too many requests are already waiting for HighLevel')
    this.name = 'QueueFullError'
  }
}

export interface Pacer {
  /** Resolves once the call may go out; call the returned function when it has finished. */
  acquire(signal?: AbortSignal): Promise<Release>
  /** Lets nothing out for `ms`: HighLevel said 429 anyway (another client shares the budget). */
  hold(ms: number): void
  readonly waiting: number
}

interface Waiter {
  grant: (release: Release) => void
}

export function createPacer(options: PacerOptions): Pacer {
  const { limit, windowMs, queueMax } = options
  const queue: Waiter[] = []
  /** When each recently finished call's token becomes usable again, oldest first. */
  const cooling: number[] = []
  let inFlight = 0
  let heldUntil = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const available = (): number => {
    const now = Date.now()
    while (cooling.length > 0 && (cooling[0] ?? 0) <= now) cooling.shift()
    return now < heldUntil ? 0 : limit - inFlight - cooling.length
  }

  const take = (): Release => {
    inFlight += 1
    let released = false
    return () => {
      if (released) return
      released = true
      inFlight -= 1
      cooling.push(Date.now() + windowMs)
      drain()
    }
  }

  const drain = (): void => {
    while (queue.length > 0 && available() > 0) queue.shift()?.grant(take())
    if (queue.length === 0 || timer !== undefined) return
    const now = Date.now()
    const wakeAt = heldUntil > now ? heldUntil : cooling[0]
    // Undefined: every token is in flight, and the next `release` drains again.
    if (wakeAt === undefined) return
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
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason)
      if (queue.length === 0 && available() > 0) return Promise.resolve(take())
      if (queue.length >= queueMax) {
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
