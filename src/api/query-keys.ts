import type { SearchView } from './schemas/search-view'

const ALL = ['conversations'] as const

/**
 * Every query key about conversations, under one root and from general to specific: one walk
 * of the cache (`conversation-cache.ts`) finds every list page, head, count and detail that
 * holds a conversation. Invalidate the narrowest key that covers a change: `lists()` re-reads
 * the lists, never the counts (each is a request of its own).
 */
export const conversationKeys = {
  all: () => ALL,
  lists: () => [...ALL, 'list'] as const,
  /** The infinite list of a view. */
  search: (view: SearchView) => [...ALL, 'list', 'search', view] as const,
  /** The first page of a view alone, polled (see docs/paging.md). */
  head: (view: SearchView) => [...ALL, 'list', 'head', view] as const,
  counts: () => [...ALL, 'count'] as const,
  count: (view: SearchView) => [...ALL, 'count', view] as const,
  details: () => [...ALL, 'detail'] as const,
  detail: (conversationId: string) => [...ALL, 'detail', conversationId] as const,
  messages: (conversationId: string) => [...ALL, 'messages', conversationId] as const,
}
