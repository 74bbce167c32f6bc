import { infiniteQueryOptions } from '@tanstack/react-query'
import { getJson } from './http'
import { conversationSchema, searchResponseSchema, type Conversation } from './schemas/conversation'
import type { SearchCursor, SearchView } from './schemas/search-view'
import { toApiParams } from './search-params'

export interface SearchPage {
  conversations: Conversation[]
  total: number
  /** Items in the answer that were not valid conversations and are not shown. */
  skipped: number
}

/** One page of `GET /conversations/search` for a view, starting after `cursor`. */
export async function searchConversations(
  view: SearchView,
  cursor: SearchCursor | null,
  signal?: AbortSignal,
): Promise<SearchPage> {
  const response = await getJson('/api/conversations/search', searchResponseSchema, {
    params: toApiParams(view, cursor),
    signal,
  })
  const conversations: Conversation[] = []
  for (const item of response.conversations) {
    const parsed = conversationSchema.safeParse(item)
    if (parsed.success) conversations.push(parsed.data)
  }
  return {
    conversations,
    total: response.total,
    skipped: response.conversations.length - conversations.length,
  }
}

export const conversationQueries = {
  all: () => ['conversations'] as const,
  search: (view: SearchView) =>
    infiniteQueryOptions({
      queryKey: [...conversationQueries.all(), 'search', view] as const,
      queryFn: ({ pageParam, signal }) => searchConversations(view, pageParam, signal),
      initialPageParam: null as SearchCursor | null,
      getNextPageParam: (lastPage: SearchPage): SearchCursor | null | undefined => {
        if (lastPage.conversations.length < view.limit) return undefined
        return lastPage.conversations.at(-1)?.sort ?? undefined
      },
    }),
}
