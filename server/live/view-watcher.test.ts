import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PushEvent } from '../../src/lib/push-events.ts'
import { createViewWatcher, watchableKey, type ViewWatcher } from './view-watcher.ts'

const PAGE_1 = 'limit=50&sort=desc&sortBy=last_message_date'
const UNREAD = 'limit=1&status=unread'

describe('createViewWatcher', () => {
  let reads: string[]
  let answers: Map<string, { total: number; conversations: unknown[] }>
  let published: PushEvent[]
  let watcher: ViewWatcher

  beforeEach(() => {
    vi.useFakeTimers()
    reads = []
    answers = new Map([
      [PAGE_1, { total: 2, conversations: [{ id: 'a' }, { id: 'b' }] }],
      [UNREAD, { total: 7, conversations: [{ id: 'a' }] }],
    ])
    published = []
    watcher = createViewWatcher({
      read: (key) => {
        reads.push(key)
        return Promise.resolve(Response.json(answers.get(key) ?? { total: 0, conversations: [] }))
      },
      publish: (event) => published.push(event),
      tickMs: 3_000,
      refreshMs: 20_000,
    })
  })
  afterEach(() => {
    watcher.stop()
    vi.useRealTimers()
  })

  it('reads each view once for all the tabs that show it, at most once per tick', async () => {
    for (let tab = 0; tab < 30; tab += 1) watcher.watch(`tab-${tab}-0000`, [PAGE_1, UNREAD])
    expect(watcher.views).toEqual([PAGE_1, UNREAD])
    await vi.advanceTimersByTimeAsync(3_000)
    expect(reads).toEqual([PAGE_1])
    await vi.advanceTimersByTimeAsync(3_000)
    expect(reads).toEqual([PAGE_1, UNREAD])
    // Both read, neither due again before 20 s: two minutes cost 2 + 2 × 5 reads, whatever the tab count.
    for (let tab = 0; tab < 30; tab += 1) watcher.watch(`tab-${tab}-0000`, [PAGE_1, UNREAD])
    await vi.advanceTimersByTimeAsync(6_000)
    expect(reads).toHaveLength(2)
  })

  it('pushes a view on its first read and when its answer changes, not when it is unchanged', async () => {
    watcher.watch('tab-ann-0001', [PAGE_1])
    await vi.advanceTimersByTimeAsync(3_000)
    // The tab read its page 1 before the watcher did: what changed between the two reaches it.
    expect(published).toEqual([{ type: 'view', key: PAGE_1, total: 2, conversations: [{ id: 'a' }, { id: 'b' }] }])
    await vi.advanceTimersByTimeAsync(21_000)
    expect(reads).toHaveLength(2)
    expect(published).toHaveLength(1)
    answers.set(PAGE_1, { total: 3, conversations: [{ id: 'c' }, { id: 'a' }] })
    watcher.watch('tab-ann-0001', [PAGE_1])
    await vi.advanceTimersByTimeAsync(21_000)
    expect(published.at(-1)).toEqual({ type: 'view', key: PAGE_1, total: 3, conversations: [{ id: 'c' }, { id: 'a' }] })
    expect(published).toHaveLength(2)
  })

  it('stops reading a view 30 s after the last tab showing it stopped saying so', async () => {
    watcher.watch('tab-ann-0001', [PAGE_1])
    await vi.advanceTimersByTimeAsync(29_999)
    expect(watcher.views).toEqual([PAGE_1])
    await vi.advanceTimersByTimeAsync(1)
    expect(watcher.views).toEqual([])
    expect(reads).toEqual([PAGE_1, PAGE_1])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(reads).toEqual([PAGE_1, PAGE_1])
  })

  it('forgets a tab at once when it leaves', () => {
    watcher.watch('tab-ann-0001', [PAGE_1])
    watcher.watch('tab-bob-0001', [UNREAD])
    watcher.forget('tab-ann-0001')
    expect(watcher.views).toEqual([UNREAD])
  })

  it('watches a bounded number of distinct views', () => {
    const bounded = createViewWatcher({ read: () => Promise.resolve(new Response()), publish: () => {}, maxViews: 2 })
    bounded.watch('tab-ann-0001', ['limit=1&status=unread', 'limit=1&status=read', 'limit=1&status=starred'])
    expect(bounded.views).toHaveLength(2)
    bounded.stop()
  })

  it('ignores a failed read and tries again when next due', async () => {
    let fail = true
    const flaky = createViewWatcher({
      read: (key) => {
        reads.push(key)
        return fail ? Promise.reject(new Error('down')) : Promise.resolve(Response.json({ total: 0, conversations: [] }))
      },
      publish: () => {},
    })
    flaky.watch('tab-ann-0001', [PAGE_1])
    await flaky.tick()
    fail = false
    vi.advanceTimersByTime(20_000)
    flaky.watch('tab-ann-0001', [PAGE_1])
    await flaky.tick()
    expect(reads).toEqual([PAGE_1, PAGE_1])
    flaky.stop()
  })
})

describe('watchableKey', () => {
  it('normalises the order of parameters', () => {
    expect(watchableKey('status=unread&limit=1')).toBe('limit=1&status=unread')
  })

  it.each(['limit=50&startAfterDate=5', 'limit=50&locationId=x', 'status=unread', 'limit=500'])(
    'refuses %s, which is not a page 1 the watcher may read',
    (key) => {
      expect(watchableKey(key)).toBeUndefined()
    },
  )
})
