import { APP_REQUEST_HEADERS } from './client-id'
import { PRESENCE_PATH, type PresenceHeartbeat } from './push-events'

/** What this tab tells the team: who, which conversation, and which views it shows. */
export type PresenceState = Omit<PresenceHeartbeat, 'clientId' | 'leaving'>

export interface PresenceHeartbeatOptions {
  clientId: string
  /** Read at every beat, so it is always the tab's current state. */
  state: () => PresenceState
  /** Default: `POST /_inbox/presence`; `keepalive` when leaving, so it outlives the page. */
  send?: (body: PresenceHeartbeat, keepalive: boolean) => Promise<unknown>
  /** Default `document` / `window`; fakes in tests. */
  page?: { document: VisibilitySource; window: EventTarget }
  /** Default 10 s: the server forgets a tab 30 s after its last beat. */
  intervalMs?: number
}

type VisibilitySource = EventTarget & { readonly visibilityState: DocumentVisibilityState }

export interface PresenceHeartbeatHandle {
  /** The state changed (opened a conversation, started replying): tell the server now. */
  update(): void
  /** Leaves at once and stops beating. */
  stop(): void
}

function postHeartbeat(body: PresenceHeartbeat, keepalive: boolean): Promise<unknown> {
  return fetch(PRESENCE_PATH, {
    method: 'POST',
    // The marker every app request to /api and /_inbox carries (the server refuses others).
    headers: { 'content-type': 'application/json', ...APP_REQUEST_HEADERS },
    body: JSON.stringify(body),
    keepalive,
  })
}

/** Beats every `intervalMs` while the page is visible; a hidden tab lets its presence lapse. */
export function startPresenceHeartbeat(options: PresenceHeartbeatOptions): PresenceHeartbeatHandle {
  const send = options.send ?? postHeartbeat
  const intervalMs = options.intervalMs ?? 10_000
  const page = options.page ?? { document, window }
  let timer: ReturnType<typeof setInterval> | undefined
  let stopped = false

  const beat = (leaving = false): void => {
    const body: PresenceHeartbeat = leaving
      ? { clientId: options.clientId, leaving: true }
      : { ...options.state(), clientId: options.clientId }
    // A lost beat is followed by the next one; presence is never worth an error message.
    send(body, leaving).catch(() => {})
  }
  const pause = (): void => {
    clearInterval(timer)
    timer = undefined
  }
  const resume = (): void => {
    if (stopped || page.document.visibilityState !== 'visible') return
    pause()
    beat()
    timer = setInterval(beat, intervalMs)
  }
  const onVisibility = (): void => (page.document.visibilityState === 'visible' ? resume() : pause())
  // Also fired on the first load, when the tab already beats.
  const onPageShow = (): void => {
    if (timer === undefined) resume()
  }
  const onPageHide = (): void => {
    pause()
    beat(true)
  }

  page.document.addEventListener('visibilitychange', onVisibility)
  page.window.addEventListener('pagehide', onPageHide)
  // Back from the back/forward cache: the page is alive again.
  page.window.addEventListener('pageshow', onPageShow)
  resume()

  return {
    update() {
      if (timer !== undefined) resume()
    },
    stop() {
      if (stopped) return
      stopped = true
      page.document.removeEventListener('visibilitychange', onVisibility)
      page.window.removeEventListener('pagehide', onPageHide)
      page.window.removeEventListener('pageshow', onPageShow)
      onPageHide()
    },
  }
}
