import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { findConversation, moveToTop, patchConversation, restoreConversation } from './conversation-cache'
import { countQueries } from './count-conversations'
import { conversationDetailQueries } from './get-conversation'
import { conversationKeys } from './query-keys'
import type { Conversation } from './schemas/conversation'
import { DEFAULT_VIEW, type SearchView } from './schemas/search-view'
import type { SearchPage } from './search-conversations'
import { firstPageParam } from './search-paging'

const conversation = (id: string, fields: Partial<Conversation> = {}): Conversation => ({
  id,
  contactId: `contact-${id}`,
  locationId: 'loc',
  unreadCount: 2,
  starred: false,
  assignedTo: null,
  ...fields,
})
const page = (conversations: Conversation[]): SearchPage => ({ conversations, total: conversations.length, skipped: 0, items: [] })
const unread: SearchView = { ...DEFAULT_VIEW, status: 'unread' }
const starredView: SearchView = { ...DEFAULT_VIEW, status: 'starred' }
const searching: SearchView = { ...DEFAULT_VIEW, status: 'unread', query: 'refund' }

function seeded() {
  const queryClient = new QueryClient()
  const [a, b, c] = [conversation('a'), conversation('b'), conversation('c', { unreadCount: 0 })]
  queryClient.setQueryData(conversationKeys.search(DEFAULT_VIEW), {
    pages: [page([a, b]), page([c])],
    pageParams: [firstPageParam(DEFAULT_VIEW), firstPageParam(DEFAULT_VIEW)],
  })
  queryClient.setQueryData(conversationKeys.search(unread), { pages: [page([a, b])], pageParams: [firstPageParam(unread)] })
  queryClient.setQueryData(conversationKeys.head(DEFAULT_VIEW), page([a]))
  queryClient.setQueryData(conversationDetailQueries.detail('a').queryKey, { id: 'a', contactId: 'contact-a', locationId: 'loc', unreadCount: 2, type: 1 })
  for (const [view, count] of [[unread, 40], [starredView, 3], [DEFAULT_VIEW, 100], [searching, 7]] as const) {
    queryClient.setQueryData(countQueries.count(view).queryKey, count)
  }
  return queryClient
}

const everyCopyOf = (queryClient: QueryClient, id: string) =>
  queryClient
    .getQueriesData<{ pages?: SearchPage[]; conversations?: Conversation[] }>({ queryKey: conversationKeys.lists() })
    .flatMap(([, data]) => (data?.pages ?? (data ? [data as SearchPage] : [])).flatMap((p) => p.conversations))
    .filter((item) => item.id === id)
const countOf = (queryClient: QueryClient, view: SearchView) => queryClient.getQueryData(countQueries.count(view).queryKey)

describe('patchConversation', () => {
  it('changes every cached copy by id, the detail too, and leaves the others alone', () => {
    const queryClient = seeded()
    const untouched = queryClient.getQueryData<{ pages: SearchPage[] }>(conversationKeys.search(DEFAULT_VIEW))?.pages[1]
    patchConversation(queryClient, 'a', { unreadCount: 0, starred: true })
    const copies = everyCopyOf(queryClient, 'a')
    expect(copies).toHaveLength(3)
    for (const copy of copies) expect(copy).toMatchObject({ unreadCount: 0, starred: true })
    expect(queryClient.getQueryData(conversationDetailQueries.detail('a').queryKey)).toMatchObject({ unreadCount: 0, starred: true, type: 1 })
    expect(everyCopyOf(queryClient, 'b')[0]).toMatchObject({ unreadCount: 2, starred: false })
    expect(queryClient.getQueryData<{ pages: SearchPage[] }>(conversationKeys.search(DEFAULT_VIEW))?.pages[1]).toBe(untouched)
    expect(findConversation(queryClient, 'a')).toMatchObject({ unreadCount: 0 })
  })

  it('moves the counts it can tell about, and marks the others for a re-read, without a request', () => {
    const queryClient = seeded()
    patchConversation(queryClient, 'a', { unreadCount: 0, starred: true })
    expect(countOf(queryClient, unread)).toBe(39)
    expect(countOf(queryClient, starredView)).toBe(4)
    expect(countOf(queryClient, DEFAULT_VIEW)).toBe(100)
    expect(countOf(queryClient, searching)).toBe(7)
    expect(queryClient.getQueryState(countQueries.count(searching).queryKey)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(countQueries.count(unread).queryKey)?.isInvalidated).toBe(false)
    expect(queryClient.isFetching()).toBe(0)
  })

  it('is undone exactly by restoreConversation, keeping what changed since for others', () => {
    const queryClient = seeded()
    const snapshot = patchConversation(queryClient, 'a', { unreadCount: 0, assignedTo: 'u1' })
    patchConversation(queryClient, 'b', { starred: true })
    restoreConversation(queryClient, snapshot)
    for (const copy of everyCopyOf(queryClient, 'a')) expect(copy).toMatchObject({ unreadCount: 2, assignedTo: null })
    expect(queryClient.getQueryData(conversationDetailQueries.detail('a').queryKey)).toMatchObject({ unreadCount: 2 })
    expect(everyCopyOf(queryClient, 'b')[0]).toMatchObject({ starred: true })
    expect(countOf(queryClient, unread)).toBe(40)
    expect(countOf(queryClient, starredView)).toBe(4)
  })

  it('leaves a count alone on restore when it was read again since', () => {
    const queryClient = seeded()
    const snapshot = patchConversation(queryClient, 'a', { unreadCount: 0 })
    queryClient.setQueryData(countQueries.count(unread).queryKey, 12, { updatedAt: Date.now() + 1000 })
    restoreConversation(queryClient, snapshot)
    expect(countOf(queryClient, unread)).toBe(12)
  })
})

describe('moveToTop', () => {
  const ids = (queryClient: QueryClient, view: SearchView) =>
    queryClient.getQueryData<{ pages: SearchPage[] }>(conversationKeys.search(view))?.pages.map((p) => p.conversations.map((c) => c.id))

  it('moves the conversation to the top of page 1 in views sorted by last message, newest first', () => {
    const queryClient = seeded()
    const oldest: SearchView = { ...DEFAULT_VIEW, sort: 'asc' }
    queryClient.setQueryData(conversationKeys.search(oldest), { pages: [page([conversation('a'), conversation('c')])], pageParams: [firstPageParam(oldest)] })
    patchConversation(queryClient, 'c', { lastMessageDate: 5000, lastMessageDirection: 'outbound' })
    moveToTop(queryClient, 'c')
    expect(ids(queryClient, DEFAULT_VIEW)).toEqual([['c', 'a', 'b'], []])
    expect(queryClient.getQueryData<SearchPage>(conversationKeys.head(DEFAULT_VIEW))?.conversations.map((c) => c.id)).toEqual(['a'])
    expect(ids(queryClient, oldest)).toEqual([['a', 'c']])
    expect(everyCopyOf(queryClient, 'c')[0]?.sort).toEqual([5000])
  })

  it('leaves a view the conversation no longer matches alone', () => {
    const queryClient = seeded()
    const inbound: SearchView = { ...DEFAULT_VIEW, lastMessageDirection: 'inbound' }
    queryClient.setQueryData(conversationKeys.search(inbound), { pages: [page([conversation('a'), conversation('b', { lastMessageDirection: 'inbound' })])], pageParams: [firstPageParam(inbound)] })
    patchConversation(queryClient, 'b', { lastMessageDirection: 'outbound' })
    moveToTop(queryClient, 'b')
    expect(ids(queryClient, inbound)).toEqual([['a', 'b']])
    expect(ids(queryClient, DEFAULT_VIEW)).toEqual([['b', 'a'], ['c']])
  })
})
