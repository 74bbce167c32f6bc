import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'
import { conversationKeys } from './query-keys'
import type { Conversation } from './schemas/conversation'
import type { ConversationDetail } from './schemas/message'
import type { SearchView } from './schemas/search-view'
import type { SearchPage } from './search-conversations'
import type { SearchPageParam } from './search-paging'
import { countChange, mayBelongToView } from './view-membership'

/**
 * The mutation layer's cache side: a changed conversation is drawn in every cached copy of it
 * (list pages, polled heads, the detail) and counted in every cached count, by id, without a
 * request. `patchConversation` returns what it replaced; `restoreConversation` puts that back
 * (an action that failed, or Undo) without undoing what arrived since for other conversations.
 */

export type ConversationPatch = Partial<Omit<Conversation, 'id' | 'sort'>>

/** The fields `GET /conversations/{id}` shares with a search result. */
const DETAIL_FIELDS = ['assignedTo', 'starred', 'unreadCount', 'inbox', 'fullName', 'contactName', 'email', 'phone', 'companyName', 'lastMessageDate', 'lastMessageDirection'] as const satisfies readonly (keyof ConversationPatch & keyof ConversationDetail)[]

type ListData = InfiniteData<SearchPage, SearchPageParam> | SearchPage

export interface ConversationSnapshot {
  id: string
  /** Each cached copy as it was before the patch. */
  copies: { queryKey: QueryKey; previous: Conversation | ConversationDetail }[]
  /** Each count moved by the patch, and when, so a count re-read since is left alone. */
  counts: { queryKey: QueryKey; delta: number; updatedAt: number }[]
}

const pagesOf = (data: ListData): SearchPage[] => ('pages' in data ? data.pages : [data])

function withPages(data: ListData, pages: SearchPage[]): ListData {
  return 'pages' in data ? { ...data, pages } : (pages[0] ?? data)
}

/** Replaces the conversation `id` in a list's pages; the same data when it is not there. */
function replaceInList(data: ListData, id: string, replace: (old: Conversation) => Conversation): ListData {
  let found = false
  const pages = pagesOf(data).map((page) => {
    if (!page.conversations.some((conversation) => conversation.id === id)) return page
    found = true
    return { ...page, conversations: page.conversations.map((conversation) => (conversation.id === id ? replace(conversation) : conversation)) }
  })
  return found ? withPages(data, pages) : data
}

/** The conversation as the cached lists hold it, if any does. */
export function findConversation(queryClient: QueryClient, id: string): Conversation | undefined {
  for (const [, data] of queryClient.getQueriesData<ListData>({ queryKey: conversationKeys.lists() })) {
    for (const page of data ? pagesOf(data) : []) {
      const found = page.conversations.find((conversation) => conversation.id === id)
      if (found) return found
    }
  }
  return undefined
}

export function patchConversation(queryClient: QueryClient, id: string, patch: ConversationPatch): ConversationSnapshot {
  const snapshot: ConversationSnapshot = { id, copies: [], counts: [] }
  const before = findConversation(queryClient, id)
  for (const [queryKey, data] of queryClient.getQueriesData<ListData>({ queryKey: conversationKeys.lists() })) {
    if (!data) continue
    const next = replaceInList(data, id, (old) => {
      snapshot.copies.push({ queryKey, previous: old })
      return { ...old, ...patch }
    })
    if (next !== data) queryClient.setQueryData(queryKey, next)
  }
  const detailKey = conversationKeys.detail(id)
  const detail = queryClient.getQueryData<ConversationDetail>(detailKey)
  if (detail) {
    const fields = DETAIL_FIELDS.filter((field) => Object.hasOwn(patch, field))
    if (fields.length > 0) {
      snapshot.copies.push({ queryKey: detailKey, previous: detail })
      queryClient.setQueryData(detailKey, { ...detail, ...Object.fromEntries(fields.map((field) => [field, patch[field]])) })
    }
  }
  if (before) patchCounts(queryClient, before, { ...before, ...patch }, new Set(Object.keys(patch)), snapshot)
  return snapshot
}

function patchCounts(
  queryClient: QueryClient,
  before: Conversation,
  after: Conversation,
  changed: ReadonlySet<string>,
  snapshot: ConversationSnapshot,
) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: conversationKeys.counts() })) {
    const count = query.state.data
    const view = query.queryKey[2] as SearchView
    if (typeof count !== 'number') continue
    const delta = countChange(view, before, after, changed)
    if (delta === undefined) {
      // Only HighLevel knows: read again when next shown, not now.
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType: 'none' })
    } else if (delta !== 0) {
      queryClient.setQueryData(query.queryKey, Math.max(0, count + delta))
      snapshot.counts.push({ queryKey: query.queryKey, delta, updatedAt: query.state.dataUpdatedAt })
    }
  }
}

/** Puts back what `patchConversation` replaced, in the copies that still hold the conversation. */
export function restoreConversation(queryClient: QueryClient, snapshot: ConversationSnapshot): void {
  for (const { queryKey, previous } of snapshot.copies) {
    const data = queryClient.getQueryData<ListData | ConversationDetail>(queryKey)
    if (!data) continue
    if ('pages' in data || 'conversations' in data) {
      queryClient.setQueryData(queryKey, replaceInList(data as ListData, snapshot.id, () => previous as Conversation))
    } else {
      queryClient.setQueryData(queryKey, previous)
    }
  }
  for (const { queryKey, delta, updatedAt } of snapshot.counts) {
    const state = queryClient.getQueryState<number>(queryKey)
    if (state?.data === undefined || state.dataUpdatedAt !== updatedAt) continue
    queryClient.setQueryData(queryKey, Math.max(0, state.data - delta))
  }
}

const SORTED_BY_LAST_MESSAGE: ReadonlySet<SearchView['sortBy']> = new Set(['last_message_date', 'last_manual_message_date'])

/**
 * Moves the conversation to the top of every loaded list whose view shows the newest last
 * message first and still holds it after its change: a reply just sent. Only for the person's
 * own action; changes heard from others are drawn in place (rows never jump under a reader).
 */
export function moveToTop(queryClient: QueryClient, id: string): void {
  for (const [queryKey, data] of queryClient.getQueriesData<ListData>({ queryKey: conversationKeys.lists() })) {
    const view = queryKey[3] as SearchView | undefined
    if (!data || !view || view.sort !== 'desc' || !SORTED_BY_LAST_MESSAGE.has(view.sortBy)) continue
    const pages = pagesOf(data)
    const moved = pages.flatMap((page) => page.conversations).find((conversation) => conversation.id === id)
    const [first, ...rest] = pages
    if (!moved || !first || first.conversations[0]?.id === id || !mayBelongToView(view, moved)) continue
    const date = view.sortBy === 'last_message_date' ? moved.lastMessageDate : moved.lastManualMessageDate
    const top = typeof date === 'number' ? { ...moved, sort: [date] } : moved
    const without = (page: SearchPage): SearchPage => ({ ...page, conversations: page.conversations.filter((conversation) => conversation.id !== id) })
    queryClient.setQueryData(queryKey, withPages(data, [{ ...first, conversations: [top, ...without(first).conversations] }, ...rest.map(without)]))
  }
}
