import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import { viewKey, type PushEvent } from '../lib/push-events'
import { patchConversation } from './conversation-cache'
import { countedView } from './count-conversations'
import { setDailyBudget } from './daily-budget'
import type { MessagesPage } from './list-messages'
import { conversationKeys } from './query-keys'
import type { Message } from './schemas/message'
import type { SearchView } from './schemas/search-view'
import { toSearchPage, type SearchPage } from './search-conversations'
import { toApiParams } from './search-params'

/**
 * What the push channel's events do to the caches (see docs/live.md): changes are patched in
 * by id, never refetched per event; a watched view's fresh page 1 replaces the polled head
 * (the list then draws its rows' changes in place and counts the new ones: rows never jump)
 * and a count's fresh total replaces the count. A resync invalidates once.
 */

type ListData = InfiniteData<SearchPage> | SearchPage
type Thread = InfiniteData<MessagesPage, string | null>

/** The push key of a polled head's view, and of a count's (`limit=1`). */
export const headViewKey = (view: SearchView): string => viewKey(toApiParams(view))
export const countViewKey = (view: SearchView): string => viewKey(toApiParams(countedView(view)))

function conversationsOfContact(queryClient: QueryClient, contactId: string): Set<string> {
  const ids = new Set<string>()
  for (const [, data] of queryClient.getQueriesData<ListData>({ queryKey: conversationKeys.lists() })) {
    for (const page of data ? ('pages' in data ? data.pages : [data]) : []) {
      for (const conversation of page.conversations) if (conversation.contactId === contactId) ids.add(conversation.id)
    }
  }
  return ids
}

function addToThread(queryClient: QueryClient, message: Extract<PushEvent, { type: 'message' }>['message']): void {
  const shown: Message = {
    id: message.id,
    body: message.body,
    direction: message.direction,
    messageType: message.messageType,
    userId: message.userId,
    dateAdded: new Date(message.dateAdded).toISOString(),
  }
  queryClient.setQueryData<Thread>(conversationKeys.messages(message.conversationId), (thread) => {
    const [first, ...rest] = thread?.pages ?? []
    if (!thread || !first || thread.pages.some((page) => page.messages.some((listed) => listed.id === message.id))) return thread
    return { ...thread, pages: [{ ...first, messages: [shown, ...first.messages] }, ...rest] }
  })
}

function replaceView(queryClient: QueryClient, event: Extract<PushEvent, { type: 'view' }>): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: conversationKeys.lists() })) {
    const [, , kind, view] = query.queryKey as [string, string, string, SearchView | undefined]
    if (kind !== 'head' || !view || headViewKey(view) !== event.key) continue
    queryClient.setQueryData(query.queryKey, toSearchPage({ conversations: event.conversations, total: event.total }, view.sortBy))
  }
  for (const query of queryClient.getQueryCache().findAll({ queryKey: conversationKeys.counts() })) {
    const view = query.queryKey[2] as SearchView | undefined
    if (view && countViewKey(view) === event.key) queryClient.setQueryData(query.queryKey, event.total)
  }
}

export function applyPushEvent(queryClient: QueryClient, event: PushEvent): void {
  switch (event.type) {
    case 'conversation': {
      const { id, ...fields } = event.patch
      patchConversation(queryClient, id, fields)
      return
    }
    case 'contact':
      for (const id of conversationsOfContact(queryClient, event.patch.contactId)) {
        patchConversation(queryClient, id, { assignedTo: event.patch.assignedTo })
      }
      return
    case 'message':
      addToThread(queryClient, event.message)
      return
    case 'view':
      replaceView(queryClient, event)
      return
    case 'budget':
      setDailyBudget(queryClient, event.budget)
      return
    case 'resync':
      void queryClient.invalidateQueries({ queryKey: conversationKeys.all() })
      return
    default:
  }
}
