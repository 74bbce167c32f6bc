import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PresenceHeartbeat } from './push-events'
import { startPresenceHeartbeat, type PresenceState } from './push-presence'

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible'
  show(state: DocumentVisibilityState): void {
    this.visibilityState = state
    this.dispatchEvent(new Event('visibilitychange'))
  }
}

describe('startPresenceHeartbeat', () => {
  let sent: [PresenceHeartbeat, boolean][]
  let state: PresenceState
  let page: { document: FakeDocument; window: EventTarget }

  beforeEach(() => {
    vi.useFakeTimers()
    sent = []
    state = { name: 'Ann', viewing: 'conv0001', watching: ['limit=50'] }
    page = { document: new FakeDocument(), window: new EventTarget() }
  })
  afterEach(() => vi.useRealTimers())

  const start = () =>
    startPresenceHeartbeat({
      clientId: 'tab-ann-0001',
      state: () => state,
      send: (body, keepalive) => {
        sent.push([body, keepalive])
        return Promise.resolve()
      },
      page,
    })

  it('beats at once and every 10 s while visible, with the current state', () => {
    start()
    expect(sent).toEqual([[{ clientId: 'tab-ann-0001', ...state }, false]])
    state = { name: 'Ann', replying: 'conv0001' }
    vi.advanceTimersByTime(10_000)
    expect(sent[1]).toEqual([{ clientId: 'tab-ann-0001', name: 'Ann', replying: 'conv0001' }, false])
    vi.advanceTimersByTime(20_000)
    expect(sent).toHaveLength(4)
  })

  it('tells the server at once when the state changes', () => {
    const heartbeat = start()
    state = { viewing: 'conv0002' }
    heartbeat.update()
    expect(sent.at(-1)).toEqual([{ clientId: 'tab-ann-0001', viewing: 'conv0002' }, false])
  })

  it('stops beating while hidden and resumes at once when shown', () => {
    start()
    page.document.show('hidden')
    vi.advanceTimersByTime(60_000)
    expect(sent).toHaveLength(1)
    page.document.show('visible')
    expect(sent).toHaveLength(2)
    vi.advanceTimersByTime(10_000)
    expect(sent).toHaveLength(3)
  })

  it('leaves with a keepalive request on pagehide and beats no more', () => {
    start()
    page.window.dispatchEvent(new Event('pagehide'))
    expect(sent.at(-1)).toEqual([{ clientId: 'tab-ann-0001', leaving: true }, true])
    vi.advanceTimersByTime(60_000)
    expect(sent).toHaveLength(2)
    page.window.dispatchEvent(new Event('pageshow'))
    expect(sent).toHaveLength(3)
  })

  it('leaves when stopped and ignores the page afterwards', () => {
    const heartbeat = start()
    heartbeat.stop()
    expect(sent.at(-1)).toEqual([{ clientId: 'tab-ann-0001', leaving: true }, true])
    page.document.show('hidden')
    page.document.show('visible')
    heartbeat.update()
    vi.advanceTimersByTime(60_000)
    expect(sent).toHaveLength(2)
  })

  it('does not beat from a tab that starts hidden', () => {
    page.document.visibilityState = 'hidden'
    start()
    vi.advanceTimersByTime(30_000)
    expect(sent).toEqual([])
  })
})
