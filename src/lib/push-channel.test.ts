import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPushChannel, type PushChannel } from './push-channel'
import type { PushEvent } from './push-events'
import { FakeBrowser, settle } from './push-test-fakes'

const patch = (seq: number): PushEvent => ({ type: 'conversation', id: `e1-${seq}`, patch: { id: 'conv0001', unreadCount: seq } })

interface Tab {
  channel: PushChannel
  events: PushEvent[]
}

describe('createPushChannel', () => {
  let browser: FakeBrowser
  let tabs: Tab[]

  beforeEach(() => {
    vi.useFakeTimers()
    browser = new FakeBrowser()
    tabs = []
  })
  afterEach(() => {
    for (const tab of tabs) tab.channel.close()
    vi.useRealTimers()
  })

  const openTab = (id: string, options: { locks?: boolean } = {}): Tab => {
    const channel = createPushChannel(browser.tab(id, options))
    const tab = { channel, events: [] as PushEvent[] }
    channel.subscribe((event) => tab.events.push(event))
    tabs.push(tab)
    return tab
  }
  const only = () => {
    const open = browser.openSources()
    expect(open).toHaveLength(1)
    return open[0] as NonNullable<(typeof open)[0]>
  }

  it('holds one connection for 8 tabs and gives every tab every event once', async () => {
    const all = Array.from({ length: 8 }, (_, n) => openTab(`tab-${n}`))
    await settle()
    const source = only()
    expect(source.tabId).toBe('tab-0')
    expect(source.url).toBe('/_inbox/events')
    source.open()
    source.emit(patch(1))
    source.emit({ type: 'presence', present: [{ clientId: 'tab-ann-0001', name: 'Ann' }] })
    await settle()
    for (const tab of all) {
      expect(tab.channel.status).toBe('live')
      expect(tab.events.map((event) => event.type)).toEqual(['conversation', 'presence'])
    }
  })

  it('hands the connection over when the leading tab closes, catching up from the last event seen', async () => {
    const [first, second, third] = [openTab('tab-a'), openTab('tab-b'), openTab('tab-c')]
    await settle()
    only().open()
    only().emit(patch(1))
    only().emit(patch(2))
    await settle()
    first?.channel.close()
    await settle()
    const next = only()
    expect(next.tabId).toBe('tab-b')
    expect(next.url).toBe('/_inbox/events?lastEventId=e1-2')
    next.open()
    // The catch-up replays what the old leader may have sent already: nobody sees it twice.
    next.emit(patch(2))
    next.emit(patch(3))
    await settle()
    for (const tab of [second, third]) {
      expect(tab?.channel.status).toBe('live')
      expect(tab?.events.map((event) => event.id)).toEqual(['e1-1', 'e1-2', 'e1-3'])
    }
  })

  it('hands over when the leading tab is killed without closing', async () => {
    openTab('tab-a')
    const survivor = openTab('tab-b')
    await settle()
    only().open()
    only().emit(patch(1))
    await settle()
    browser.crash('tab-a')
    await settle()
    expect(only()).toMatchObject({ tabId: 'tab-b', url: '/_inbox/events?lastEventId=e1-1' })
    expect(survivor.channel.status).toBe('connecting')
  })

  it('gives a tab opened later the status and the current presence', async () => {
    openTab('tab-a')
    await settle()
    only().open()
    only().emit({ type: 'presence', present: [{ clientId: 'tab-ann-0001', name: 'Ann' }] })
    const late = openTab('tab-z')
    await settle()
    expect(late.channel.status).toBe('live')
    expect(late.events).toEqual([{ type: 'presence', present: [{ clientId: 'tab-ann-0001', name: 'Ann' }] }])
  })

  it('shows connecting while the browser retries a dropped stream by itself', async () => {
    const tab = openTab('tab-a')
    const follower = openTab('tab-b')
    await settle()
    const source = only()
    source.open()
    source.drop()
    await settle()
    expect([tab.channel.status, follower.channel.status]).toEqual(['connecting', 'connecting'])
    source.open()
    await settle()
    expect([tab.channel.status, follower.channel.status]).toEqual(['live', 'live'])
  })

  it('reconnects with backoff after the server refuses, catching up, and says off after 3 failures', async () => {
    const tab = openTab('tab-a')
    const statuses: string[] = []
    tab.channel.onStatus((status) => statuses.push(status))
    await settle()
    only().open()
    only().emit(patch(4))
    only().fail()
    expect(browser.openSources()).toHaveLength(0)
    vi.advanceTimersByTime(1_000)
    expect(only().url).toBe('/_inbox/events?lastEventId=e1-4')
    only().fail()
    vi.advanceTimersByTime(1_999)
    expect(browser.openSources()).toHaveLength(0)
    vi.advanceTimersByTime(1)
    only().fail()
    expect(tab.channel.status).toBe('off')
    vi.advanceTimersByTime(4_000)
    only().open()
    expect(statuses).toEqual(['live', 'connecting', 'off', 'live'])
    expect(browser.sources).toHaveLength(4)
  })

  it('passes a resync on and drops what it cannot parse', async () => {
    const tab = openTab('tab-a')
    await settle()
    only().open()
    only().emit({ type: 'resync', id: 'e2-9' })
    only().emit({ type: 'from-the-future' })
    only().onmessage?.(new MessageEvent('message', { data: 'not json' }))
    expect(tab.events).toEqual([{ type: 'resync', id: 'e2-9' }])
  })

  it('stays off where the browser has no EventSource', () => {
    const channel = createPushChannel({ ...browser.tab('tab-a'), createEventSource: undefined })
    expect(channel.status).toBe('off')
    channel.close()
  })

  it('connects from every tab on its own where BroadcastChannel is missing', async () => {
    openTab('tab-a').channel.close()
    const alone = createPushChannel({ ...browser.tab('tab-b'), createBroadcastChannel: undefined })
    await settle()
    expect(only().tabId).toBe('tab-b')
    alone.close()
  })

  describe('without Web Locks', () => {
    it('elects one leader over BroadcastChannel and hands over at once when it closes', async () => {
      const first = openTab('tab-a', { locks: false })
      await vi.advanceTimersByTimeAsync(3_000)
      const second = openTab('tab-b', { locks: false })
      await vi.advanceTimersByTimeAsync(5_000)
      expect(only().tabId).toBe('tab-a')
      only().open()
      only().emit(patch(1))
      await settle()
      first.channel.close()
      await settle()
      expect(only()).toMatchObject({ tabId: 'tab-b', url: '/_inbox/events?lastEventId=e1-1' })
      expect(second.events.map((event) => event.id)).toEqual(['e1-1'])
    })

    it('takes over from a leader that went silent, after the timeout', async () => {
      openTab('tab-a', { locks: false })
      await vi.advanceTimersByTimeAsync(3_000)
      openTab('tab-b', { locks: false })
      await vi.advanceTimersByTimeAsync(2_000)
      browser.crash('tab-a')
      await vi.advanceTimersByTimeAsync(1_000)
      expect(browser.openSources()).toHaveLength(0)
      await vi.advanceTimersByTimeAsync(2_000)
      expect(only().tabId).toBe('tab-b')
    })

    it('leaves one leader, the lowest tab id, when several claim at once', async () => {
      const first = openTab('tab-a', { locks: false })
      await vi.advanceTimersByTimeAsync(3_000)
      openTab('tab-c', { locks: false })
      openTab('tab-b', { locks: false })
      await vi.advanceTimersByTimeAsync(1_000)
      first.channel.close()
      await settle()
      // Both followers heard the resignation and connected; tab-c stepped down on hearing tab-b.
      expect(browser.sources.map((source) => source.tabId)).toEqual(['tab-a', 'tab-c', 'tab-b'])
      expect(only().tabId).toBe('tab-b')
      await vi.advanceTimersByTimeAsync(5_000)
      expect(only().tabId).toBe('tab-b')
    })
  })
})
