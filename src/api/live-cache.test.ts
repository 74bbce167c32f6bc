import { QueryClient, type InfiniteData } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { countQueries } from './count-conversations'
import type { MessagesPage } from './list-messages'
import { countViewKey, applyPushEvent, headViewKey } from './live-cache'
import { conversationKeys } from './query-keys'
import type { Conversation } from './schemas/conversation'
import { DEFAULT_VIEW, type SearchView } from './schemas/search-view'
import type { SearchPage } from './search-conversations'
import { firstPageParam } from './search-paging'

const row = (id: string, fields: Partial<Conversation> = {}): Conversation => ({ id, contactId: `k${id}`, locationId: 'loc', unreadCount: 1, ...fields })
const page = (conversations: Conversation[]): SearchPage => ({ conversations, total: conversations.length, skipped: 0, items: [] })
const unread: SearchView = { ...DEFAULT_VIEW, status: 'unread' }

function seeded() {
  const queryClient = new QueryClient()
  queryClient.setQueryData(conversationKeys.search(DEFAULT_VIEW), { pages: [page([row('a'), row('b', { contactId: 'kshared' }), row('c', { contactId: 'kshared' })])], pageParams: [firstPageParam(DEFAULT_VIEW)] })
  queryClient.setQueryData(conversationKeys.head(DEFAULT_VIEW), page([row('a')]))
  queryClient.setQueryData(countQueries.count(unread).queryKey, 10)
  queryClient.setQueryData<InfiniteData<MessagesPage, string | null>>(conversationKeys.messages('a'), {
    pages: [{ messages: [{ id: 'm1' }], nextCursor: undefined, skipped: 0 }],
    pageParams: [null],
  })
  return queryClient
}
const listed = (queryClient: QueryClient) =>
  queryClient.getQueryData<{ pages: SearchPage[] }>(conversationKeys.search(DEFAULT_VIEW))?.pages[0]?.conversations ?? []

describe('applyPushEvent', () => {
  it('patches a conversation in place by id, and its counts, without a request', () => {
    const queryClient = seeded()
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    applyPushEvent(queryClient, { type: 'conversation', patch: { id: 'b', unreadCount: 0, lastMessageDate: 99 } })
    expect(listed(queryClient).map((c) => [c.id, c.unreadCount])).toEqual([['a', 1], ['b', 0], ['c', 1]])
    expect(queryClient.getQueryData(countQueries.count(unread).queryKey)).toBe(9)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('assigns every cached conversation of a contact', () => {
    const queryClient = seeded()
    applyPushEvent(queryClient, { type: 'contact', patch: { contactId: 'kshared', assignedTo: 'u1' } })
    expect(listed(queryClient).map((c) => c.assignedTo ?? null)).toEqual([null, 'u1', 'u1'])
  })

  it('adds a message to a loaded thread once, newest first', () => {
    const queryClient = seeded()
    const event = { type: 'message', message: { id: 'm2', conversationId: 'a', direction: 'outbound', body: 'Hi', dateAdded: 1000 } } as const
    applyPushEvent(queryClient, event)
    applyPushEvent(queryClient, event)
    const thread = queryClient.getQueryData<InfiniteData<MessagesPage>>(conversationKeys.messages('a'))
    expect(thread?.pages[0]?.messages.map((m) => m.id)).toEqual(['m2', 'm1'])
    expect(thread?.pages[0]?.messages[0]).toMatchObject({ body: 'Hi', dateAdded: new Date(1000).toISOString() })
  })

  it('a view event replaces the polled head and the matching count, never the loaded list', () => {
    const queryClient = seeded()
    const before = listed(queryClient)
    applyPushEvent(queryClient, { type: 'view', key: headViewKey(DEFAULT_VIEW), total: 2, conversations: [row('n'), row('a'), { broken: true }] })
    applyPushEvent(queryClient, { type: 'view', key: countViewKey(unread), total: 42, conversations: [] })
    applyPushEvent(queryClient, { type: 'view', key: 'status=starred', total: 7, conversations: [] })
    expect(queryClient.getQueryData<SearchPage>(conversationKeys.head(DEFAULT_VIEW))?.conversations.map((c) => c.id)).toEqual(['n', 'a'])
    expect(queryClient.getQueryData(countQueries.count(unread).queryKey)).toBe(42)
    expect(listed(queryClient)).toBe(before)
  })

  it('a resync invalidates the conversations once', () => {
    const queryClient = seeded()
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    applyPushEvent(queryClient, { type: 'resync' })
    expect(invalidate).toHaveBeenCalledTimes(1)
    expect(queryClient.getQueryState(conversationKeys.head(DEFAULT_VIEW))?.isInvalidated).toBe(true)
  })
})
