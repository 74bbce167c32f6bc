import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { headViewKey } from '../api/live-cache'
import { conversationKeys } from '../api/query-keys'
import { DEFAULT_VIEW } from '../api/schemas/search-view'
import type { SearchPage } from '../api/search-conversations'
import { firstPageParam } from '../api/search-paging'
import { BROWSER_ID, CLIENT_ID } from '../lib/client-id'
import { liveStatus, pollInterval } from '../lib/live-status'
import { ownPresence, setOwnPresence, teamPresence } from '../lib/presence-store'
import type { PresenceHeartbeat } from '../lib/push-events'
import { FakeBrowser, settle } from '../lib/push-test-fakes'
import { startLive } from './live'

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible'
}

let stop: (() => void) | undefined
afterEach(() => {
  stop?.()
  ownPresence.set({})
})

function started() {
  const queryClient = new QueryClient()
  const row = { id: 'conv0001', contactId: 'k1', locationId: 'loc', unreadCount: 1 }
  const page: SearchPage = { conversations: [row], total: 1, skipped: 0, items: [] }
  queryClient.setQueryData(conversationKeys.search(DEFAULT_VIEW), { pages: [page], pageParams: [firstPageParam(DEFAULT_VIEW)] })
  const browser = new FakeBrowser()
  const beats: PresenceHeartbeat[] = []
  stop = startLive(queryClient, {
    push: browser.tab('tab-one'),
    heartbeat: { send: (body) => Promise.resolve(beats.push(body)), page: { document: new FakeDocument(), window: new EventTarget() } },
  })
  const unread = () => queryClient.getQueryData<{ pages: SearchPage[] }>(conversationKeys.search(DEFAULT_VIEW))?.pages[0]?.conversations[0]?.unreadCount
  return { queryClient, browser, beats, unread }
}

describe('startLive', () => {
  it('patches teammates’ changes, skips its own, keeps presence of the others and slows the polls while live', async () => {
    const { browser, unread } = started()
    await settle()
    const [source] = browser.openSources()
    if (!source) throw new Error('no EventSource opened')
    expect(pollInterval(30_000)).toBe(30_000)
    source.open()
    expect(liveStatus.get()).toBe('live')
    expect(pollInterval(30_000)).toBeGreaterThan(30_000)

    source.emit({ type: 'conversation', patch: { id: 'conv0001', unreadCount: 5 }, by: CLIENT_ID, id: 'e1-1' })
    expect(unread()).toBe(1)
    source.emit({ type: 'conversation', patch: { id: 'conv0001', unreadCount: 0 }, by: 'another-tab', id: 'e1-2' })
    expect(unread()).toBe(0)
    source.emit({ type: 'presence', present: [{ clientId: CLIENT_ID, viewing: 'conv0001' }, { clientId: 'another-tab', name: 'Ann', replying: 'conv0001' }] })
    expect(teamPresence.get()).toEqual([{ clientId: 'another-tab', name: 'Ann', replying: 'conv0001' }])
    // A sibling tab of this browser is the same agent: not shown as a teammate.
    source.emit({ type: 'presence', present: [{ clientId: 'sibling-tab', browserId: BROWSER_ID, viewing: 'conv0001' }, { clientId: 'another-tab', browserId: 'another-browser', name: 'Ann' }] })
    expect(teamPresence.get()).toEqual([{ clientId: 'another-tab', browserId: 'another-browser', name: 'Ann' }])

    source.fail()
    expect(pollInterval(30_000)).toBe(30_000)
  })

  it('beats at once, and again with what this tab views, replies to and watches', async () => {
    const { queryClient, beats } = started()
    expect(beats[0]).toMatchObject({ clientId: CLIENT_ID })
    const shown = new QueryObserver(queryClient, { queryKey: conversationKeys.head(DEFAULT_VIEW), queryFn: () => new Promise<never>(() => {}) })
    const unsubscribe = shown.subscribe(() => {})
    setOwnPresence({ name: 'Sam', viewing: 'conv0001', replying: 'conv0001' })
    await vi.waitFor(() =>
      expect(beats.at(-1)).toEqual({ clientId: CLIENT_ID, browserId: BROWSER_ID, name: 'Sam', viewing: 'conv0001', replying: 'conv0001', watching: [headViewKey(DEFAULT_VIEW)] }),
    )
    unsubscribe()
  })
})
