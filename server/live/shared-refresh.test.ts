import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSharedRead } from '../proxy/shared-read.ts'
import { createMemoryHub } from './hub.ts'
import { createViewWatcher } from './view-watcher.ts'

const ORIGIN = 'http://127.0.0.1:4173/api'
const PAGE_1 = 'limit=50&sort=desc&sortBy=last_message_date'
const COUNTS = ['all', 'unread', 'read', 'starred', 'recents'].map((status) => `limit=1&status=${status}`)

/** Idle tabs as today: page 1 every 30 s, five counts every 60 s, each tab at its own phase. */
async function idleTabs(tabs: number, minutes: number): Promise<number> {
  let upstreamCalls = 0
  const shared = createSharedRead({
    upstream: () => {
      upstreamCalls += 1
      return Promise.resolve(Response.json({ conversations: [], total: upstreamCalls }))
    },
  })
  const hub = createMemoryHub()
  const watcher = createViewWatcher({
    read: (key) => shared.fetch(new Request(`${ORIGIN}/conversations/search?${key}`)),
    publish: (event) => hub.publish(event),
  })
  const read = (key: string) => void shared.fetch(new Request(`${ORIGIN}/conversations/search?${key}`))
  for (let tab = 0; tab < tabs; tab += 1) {
    const phase = Math.floor((tab * 30_000) / tabs)
    setTimeout(() => {
      read(PAGE_1)
      setInterval(() => read(PAGE_1), 30_000)
    }, phase)
    setTimeout(() => {
      for (const key of COUNTS) read(key)
      setInterval(() => COUNTS.forEach(read), 60_000)
    }, phase * 2)
    setInterval(() => watcher.watch(`tab-${tab}-0000`, [PAGE_1, ...COUNTS]), 10_000)
    watcher.watch(`tab-${tab}-0000`, [PAGE_1, ...COUNTS])
  }
  await vi.advanceTimersByTimeAsync(minutes * 60_000)
  watcher.stop()
  return upstreamCalls / minutes
}

describe('the shared read and the watcher together', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('bounds what idle tabs cost the location however many are open', async () => {
    const one = await idleTabs(1, 2)
    vi.clearAllTimers()
    const ten = await idleTabs(10, 2)
    vi.clearAllTimers()
    const thirty = await idleTabs(30, 2)
    // The watcher reads at most every 3 s (20 a minute); tab polls add what the cache lets through.
    expect(ten).toBeLessThanOrEqual(3 * one)
    expect(thirty).toBeLessThanOrEqual(3 * one)
    expect(thirty).toBeLessThanOrEqual(20 + 6 + 5 * 2)
  })
})
