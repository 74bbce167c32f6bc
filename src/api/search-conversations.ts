import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { pollInterval } from '../lib/live-status'
import { getJson } from './http'
import { conversationKeys } from './query-keys'
import { conversationSchema, searchResponseSchema, type Conversation } from './schemas/conversation'
import type { SearchCursor, SearchView } from './schemas/search-view'
import { toApiParams } from './search-params'
import { firstPageParam, nextPageParam, requestOf, sameSort, type PagedItem, type SearchPageParam } from './search-paging'

export interface SearchPage {
  conversations: Conversation[]
  total: number
  /** Items in the answer that were not valid conversations and are not shown. */
  skipped: number
  /** Every item received, valid or not, as paging sees it. */
  items: PagedItem[]
}

/** What paging needs of an item that is not a valid conversation (it still moves the cursor). */
export const pagingFieldsSchema = z.looseObject({
  sort: z.catch(z.nullish(z.array(z.number()).check(z.minLength(1))), null),
  dateAdded: z.catch(z.nullish(z.number()), null),
  lastMessageDate: z.catch(z.nullish(z.number()), null),
  lastManualMessageDate: z.catch(z.nullish(z.number()), null),
})
type PagingFields = z.infer<typeof pagingFieldsSchema>

/** An item's sort value: its `sort`, else (date sorts only) the field the view sorts by. */
function pagedItemOf(fields: PagingFields, sortBy: SearchView['sortBy']): PagedItem {
  const { sort, dateAdded, lastMessageDate, lastManualMessageDate } = fields
  const fallback =
    sortBy === 'last_message_date' ? lastMessageDate : sortBy === 'last_manual_message_date' ? lastManualMessageDate : null
  return { sort: sort ?? (typeof fallback === 'number' ? [fallback] : null), dateAdded: dateAdded ?? null }
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
  return toSearchPage(response, view.sortBy)
}

/**
 * An answer's items parsed one by one, each once: a valid item is a conversation, and paging
 * reads it; only an item that is not one is read again, for what paging needs. A bad item is
 * skipped, not the page.
 */
export function toSearchPage(response: z.infer<typeof searchResponseSchema>, sortBy: SearchView['sortBy']): SearchPage {
  const conversations: Conversation[] = []
  const items: PagedItem[] = []
  for (const raw of response.conversations) {
    const parsed = conversationSchema.safeParse(raw)
    if (parsed.success) {
      const item = pagedItemOf(parsed.data, sortBy)
      conversations.push(item.sort === parsed.data.sort ? parsed.data : { ...parsed.data, sort: item.sort && [...item.sort] })
      items.push(item)
      continue
    }
    const fields = pagingFieldsSchema.safeParse(raw)
    items.push(fields.success ? pagedItemOf(fields.data, sortBy) : { sort: null, dateAdded: null })
  }
  return { conversations, total: response.total, skipped: response.conversations.length - conversations.length, items }
}

/** One page of a view as the inbox pages it (see search-paging.ts). */
async function searchPage(view: SearchView, param: SearchPageParam, signal: AbortSignal): Promise<SearchPage> {
  const page = await searchConversations(requestOf(view, param), param.cursor, signal)
  const tie = param.tie
  if (!tie) return page
  // A tie window's answer runs on past the tie, but only inside the window: keep the tie.
  return { ...page, conversations: page.conversations.filter((conversation) => sameSort(conversation.sort, tie.value)) }
}

type SearchKey = ReturnType<typeof conversationKeys.search>

/** How often the first page of the list on screen is read again (see docs/paging.md). */
export const HEAD_POLL_MS = 30_000

export const conversationQueries = {
  search: (view: SearchView) =>
    // Spelled out so that `data.pageParams` keeps its type (the default leaves it unknown).
    infiniteQueryOptions<SearchPage, Error, InfiniteData<SearchPage, SearchPageParam>, SearchKey, SearchPageParam>({
      queryKey: conversationKeys.search(view),
      queryFn: async ({ pageParam, signal, client }) => {
        const page = await searchPage(view, pageParam, signal)
        // The first page is also the polled head's first answer: the live refresh then does not
        // ask for the page the list just loaded (it polls again after HEAD_POLL_MS).
        if (pageParam.cursor === null && !pageParam.tie) client.setQueryData(conversationKeys.head(view), page)
        return page
      },
      initialPageParam: firstPageParam(view),
      getNextPageParam: (lastPage, _pages, lastPageParam) =>
        nextPageParam(view, lastPage.items, lastPageParam),
      // A list of hundreds of pages: a refetch asks for every page again, in turn. Keep what
      // was loaded for a while rather than spend the rate budget re-reading it.
      staleTime: 5 * 60_000,
      gcTime: 15 * 60_000,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
  /**
   * The first page of a view alone, polled to learn what arrived above the loaded list. Never
   * the infinite query: refetching that asks for every loaded page again.
   */
  head: (view: SearchView) =>
    queryOptions({
      queryKey: conversationKeys.head(view),
      queryFn: ({ signal }) => searchPage(view, firstPageParam(view), signal),
      staleTime: HEAD_POLL_MS,
      // Slower while the push channel is live: then the server pushes each watched page 1.
      refetchInterval: () => pollInterval(HEAD_POLL_MS),
      refetchOnWindowFocus: 'always',
      refetchOnReconnect: 'always',
    }),
}
