import { searchResponseSchema } from '../../src/api/schemas/conversation.ts'
import { MAX_WATCHED_PER_CLIENT, viewKey, type PushEvent } from '../../src/lib/push-events.ts'

/**
 * Refreshes page 1 and the counts of the views open tabs show, once for all of them, and
 * pushes what changed. At most one upstream read per `tickMs`, whatever the number of tabs:
 * the live refresh costs the location at most `60_000 / tickMs` requests a minute.
 */
export interface ViewWatcher {
  /** The views a tab shows now (search query strings, see `viewKey`); renewed by each heartbeat. */
  watch(clientId: string, keys: readonly string[]): void
  forget(clientId: string): void
  /** The distinct views watched now. */
  readonly views: readonly string[]
  /** Refreshes the most overdue view, if any is due; the timer calls it every `tickMs`. */
  tick(): Promise<void>
  stop(): void
}

export interface ViewWatcherOptions {
  /** `GET /conversations/search?<key>` through the shared read, at the 'refresh' priority. */
  read: (key: string) => Promise<Response>
  publish: (event: PushEvent) => void
  /** Default 3 s: at most 20 upstream reads a minute. */
  tickMs?: number
  /** A view is refreshed at most this often (default 20 s). */
  refreshMs?: number
  /** A tab's views are dropped this long after its last `watch` (default 30 s, as presence). */
  ttlMs?: number
  /** Distinct views watched at most (default 20); tabs beyond it keep polling. */
  maxViews?: number
}

interface ViewState {
  /** When it was last read; 0 until the first read. */
  readAt: number
  /** The last answer's total and items as JSON, to tell a change; undefined before the first read. */
  signature: string | undefined
}

const MAX_LIMIT = 100

/** A tab's view string as the canonical key, or undefined when it is not a view's page 1. */
export function watchableKey(key: string): string | undefined {
  const params = new URLSearchParams(key)
  if (params.has('startAfterDate') || params.has('locationId')) return undefined
  const limit = Number(params.get('limit'))
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return undefined
  return viewKey(params)
}

export function createViewWatcher(options: ViewWatcherOptions): ViewWatcher {
  const tickMs = options.tickMs ?? 3_000
  const refreshMs = options.refreshMs ?? 20_000
  const ttlMs = options.ttlMs ?? 30_000
  const maxViews = options.maxViews ?? 20
  const clients = new Map<string, { keys: string[]; expiresAt: number }>()
  const states = new Map<string, ViewState>()
  let timer: ReturnType<typeof setInterval> | undefined
  let reading = false

  /** Recomputes the watched set: drops expired tabs and views no tab shows any more. */
  const watchedNow = (): string[] => {
    const now = Date.now()
    for (const [clientId, { expiresAt }] of clients) if (expiresAt <= now) clients.delete(clientId)
    const keys = new Set<string>()
    for (const { keys: shown } of clients.values()) for (const key of shown) keys.add(key)
    for (const key of states.keys()) if (!keys.has(key)) states.delete(key)
    if (keys.size === 0 && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
    return [...keys]
  }

  const refresh = async (key: string, state: ViewState): Promise<void> => {
    state.readAt = Date.now()
    const response = await options.read(key)
    if (!response.ok) return void (await response.body?.cancel())
    const parsed = searchResponseSchema.safeParse(await response.json().catch(() => undefined))
    if (!parsed.success) return
    const { total, conversations } = parsed.data
    const signature = JSON.stringify([total, conversations])
    // The first read is news too: the tabs' own page 1 may predate it, and a change made in
    // HighLevel between the two would otherwise wait for their next poll.
    const changed = state.signature !== signature
    state.signature = signature
    // Only the views someone still watches are news.
    if (changed && states.get(key) === state) options.publish({ type: 'view', key, total, conversations })
  }

  const tick = async (): Promise<void> => {
    if (reading) return
    const now = Date.now()
    const due = watchedNow()
      .map((key) => ({ key, state: states.get(key) }))
      .filter((view): view is { key: string; state: ViewState } => !!view.state && now - view.state.readAt >= refreshMs)
      .sort((a, b) => a.state.readAt - b.state.readAt)[0]
    if (!due) return
    reading = true
    try {
      await refresh(due.key, due.state)
    } catch {
      // Unreachable upstream: the tabs' own polling still runs; try again when next due.
    } finally {
      reading = false
    }
  }

  return {
    get views() {
      return watchedNow()
    },
    watch(clientId, keys) {
      const accepted: string[] = []
      for (const raw of keys.slice(0, MAX_WATCHED_PER_CLIENT)) {
        const key = watchableKey(raw)
        if (key === undefined) continue
        if (!states.has(key) && states.size >= maxViews) continue
        if (!states.has(key)) states.set(key, { readAt: 0, signature: undefined })
        accepted.push(key)
      }
      clients.set(clientId, { keys: accepted, expiresAt: Date.now() + ttlMs })
      watchedNow()
      if (accepted.length > 0 && timer === undefined) {
        timer = setInterval(() => void tick(), tickMs)
        timer.unref?.()
      }
    },
    forget(clientId) {
      clients.delete(clientId)
      watchedNow()
    },
    tick,
    stop() {
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
      clients.clear()
      states.clear()
    },
  }
}
