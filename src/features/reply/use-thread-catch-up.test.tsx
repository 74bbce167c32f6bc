// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, type InfiniteData } from '@tanstack/react-query'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { messageQueries, type MessagesPage } from '../../api/list-messages'
import { conversationKeys } from '../../api/query-keys'
import type { Message } from '../../api/schemas/message'
import { DEFAULT_VIEW, type SearchView } from '../../api/schemas/search-view'
import type { SearchPage } from '../../api/search-conversations'
import { SEND_CHECK_WAIT_MS, lastMessageDateKnown, newestInThread, useThreadCatchUp, withNewest } from './use-thread-catch-up'

type Thread = InfiniteData<MessagesPage, string | null>

const T = Date.parse('2026-11-02T15:00:00.000Z')
const at = (minutes: number) => new Date(T + minutes * 60_000).toISOString()
const message = (id: string, minutes: number, fields: Partial<Message> = {}): Message => ({ id, dateAdded: at(minutes), direction: 'inbound', body: id, ...fields })
const page = (messages: Message[], nextCursor?: string): MessagesPage => ({ messages, nextCursor, skipped: 0 })
const thread = (...pages: MessagesPage[]): Thread => ({ pages, pageParams: pages.map((_, index) => (index === 0 ? null : `cursor-${index}`)) })
const wire = (messages: Message[]) => Response.json({ messages: { lastMessageId: messages.at(-1)?.id ?? '', nextPage: true, messages } })

const MESSAGES_URL = '/api/conversations/c1/messages?limit=20'
let reads: string[]
let answer: () => Response | Promise<Response>

beforeEach(() => {
  reads = []
  answer = () => wire([])
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      reads.push(url)
      return answer()
    }),
  )
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

/** A pane whose thread and row are in the cache; its queries never refetch on their own here. */
function setUp(cached: Thread, rowMinutes: number) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  client.setQueryData(messageQueries.list('c1').queryKey, cached)
  const head: SearchPage = { conversations: [{ id: 'c1', contactId: 'k1', locationId: 'loc', lastMessageDate: T + rowMinutes * 60_000 }], total: 1, skipped: 0, items: [] }
  client.setQueryData(conversationKeys.head(DEFAULT_VIEW), head)
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
  const hook = renderHook(() => useThreadCatchUp('c1'), { wrapper })
  const ids = () => client.getQueryData<Thread>(messageQueries.list('c1').queryKey)?.pages.map((listed) => listed.messages.map((m) => m.id))
  /** The row learns of a newer last message, as the view poll or a pushed `view` event tells it. */
  const rowSays = (minutes: number) =>
    act(() => {
      client.setQueryData<SearchPage>(conversationKeys.head(DEFAULT_VIEW), (old) =>
        old ? { ...old, conversations: old.conversations.map((row) => ({ ...row, lastMessageDate: T + minutes * 60_000 })) } : old,
      )
    })
  return { client, hook, ids, rowSays }
}

describe('useThreadCatchUp', () => {
  it('reads the newest page once when the row shows a newer last message, and merges it on top', async () => {
    const { ids, rowSays } = setUp(thread(page([message('m2', 2), message('m1', 1)], 'm1'), page([message('m0', 0)])), 2)
    await act(async () => {})
    expect(reads).toEqual([])

    answer = () => wire([message('m3', 3, { direction: 'outbound', userId: 'u7' }), message('m2', 2), message('m1', 1)])
    rowSays(3)
    await waitFor(() => expect(ids()).toEqual([['m3', 'm2', 'm1'], ['m0']]))
    expect(reads).toEqual([MESSAGES_URL])
    // Caught up: the row is no newer than the thread, so nothing more is read.
    rowSays(3)
    await act(async () => {})
    expect(reads).toHaveLength(1)
  })

  it('reads once per newer date the row shows, not in a loop, when HighLevel’s page has nothing newer', async () => {
    const { ids, rowSays } = setUp(thread(page([message('m1', 1)])), 1)
    answer = () => wire([message('m1', 1)])
    rowSays(2)
    await waitFor(() => expect(reads).toHaveLength(1))
    await act(async () => {})
    rowSays(2)
    await act(async () => {})
    expect(reads).toHaveLength(1)
    expect(ids()).toEqual([['m1']])
    rowSays(4)
    await waitFor(() => expect(reads).toHaveLength(2))
  })

  it('reads nothing while the row shows nothing newer', async () => {
    const { hook } = setUp(thread(page([message('m1', 1)])), 1)
    await act(async () => {})
    hook.rerender()
    await act(async () => {})
    expect(reads).toEqual([])
  })

  it('before a send, reads the newest page, and lets the send go ahead when the read is slow', async () => {
    const { hook, ids } = setUp(thread(page([message('m1', 1)])), 1)
    answer = () => wire([message('m2', 2, { direction: 'outbound' }), message('m1', 1)])
    await act(() => hook.result.current.beforeSend())
    expect(reads).toEqual([MESSAGES_URL])
    expect(ids()).toEqual([['m2', 'm1']])
    // Just caught up: a confirm right after reads nothing again.
    await act(() => hook.result.current.beforeSend())
    expect(reads).toHaveLength(1)

    vi.useFakeTimers()
    vi.setSystemTime(Date.now() + 60_000)
    answer = () => new Promise<Response>(() => {})
    let done = false
    void hook.result.current.beforeSend().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(SEND_CHECK_WAIT_MS - 1)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
    expect(reads).toHaveLength(2)
  })

  it('lets the send go ahead when the read fails', async () => {
    const { hook, ids } = setUp(thread(page([message('m1', 1)])), 1)
    answer = () => Response.json({ statusCode: 502, message: 'Bad gateway' }, { status: 502 })
    await act(() => hook.result.current.beforeSend())
    expect(reads).toHaveLength(1)
    expect(ids()).toEqual([['m1']])
  })
})

describe('withNewest', () => {
  it('keeps replies still sending on top, and older pages as they were', () => {
    const cached = thread(page([message('pending-1', 9, { direction: 'outbound' }), message('m1', 1)], 'm1'), page([message('m0', 0)]))
    const merged = withNewest(cached, page([message('m2', 2), message('m1', 1)], 'm1'))
    expect(merged?.pages.map((listed) => listed.messages.map((m) => m.id))).toEqual([['pending-1', 'm2', 'm1'], ['m0']])
    expect(merged?.pageParams).toEqual(cached.pageParams)
  })

  it('makes a newest page that shares nothing with the cache the whole thread', () => {
    const cached = thread(page([message('m1', 1)], 'm1'), page([message('m0', 0)]))
    const fresh = page([message('m9', 9), message('m8', 8)], 'm8')
    expect(withNewest(cached, fresh)).toEqual({ pages: [fresh], pageParams: [null] })
  })

  it('returns the same thread when nothing is new', () => {
    const cached = thread(page([message('m1', 1)]))
    expect(withNewest(cached, page([message('m1', 1)]))).toBe(cached)
  })
})

describe('newestInThread and lastMessageDateKnown', () => {
  it('dates the thread by its newest message from HighLevel, leaving out replies still sending', () => {
    expect(newestInThread(thread(page([message('pending-1', 30), message('m2', 2), message('m1', 1, { dateAdded: 'not a date' })])))).toBe(T + 2 * 60_000)
    expect(newestInThread(thread(page([])))).toBeUndefined()
  })

  it('takes the newest last message date of the polled first pages and the detail', () => {
    const client = new QueryClient()
    const other: SearchView = { ...DEFAULT_VIEW, status: 'unread' }
    const head = (date: number): SearchPage => ({ conversations: [{ id: 'c1', contactId: 'k1', locationId: 'loc', lastMessageDate: date }], total: 1, skipped: 0, items: [] })
    expect(lastMessageDateKnown(client, 'c1')).toBeUndefined()
    client.setQueryData(conversationKeys.head(DEFAULT_VIEW), head(T))
    client.setQueryData(conversationKeys.head(other), head(T + 5))
    expect(lastMessageDateKnown(client, 'c1')).toBe(T + 5)
    client.setQueryData(conversationKeys.detail('c1'), { id: 'c1', contactId: 'k1', locationId: 'loc', lastMessageDate: T + 9 })
    expect(lastMessageDateKnown(client, 'c1')).toBe(T + 9)
  })
})
