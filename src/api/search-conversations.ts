import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query'
import { z } from 'zod/mini'
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

// zod 4 numbers are finite: NaN and Infinity fail.
const sortSchema = z.array(z.number()).check(z.minLength(1))
const pagingFieldsSchema = z.looseObject({
  sort: z.unknown(),
  dateAdded: z.nullish(z.number()),
  lastMessageDate: z.nullish(z.number()),
  lastManualMessageDate: z.nullish(z.number()),
})

/** An item's sort value: its `sort`, else (date sorts only) the field the view sorts by. */
function pagedItemOf(item: unknown, sortBy: SearchView['sortBy']): PagedItem {
  const fields = pagingFieldsSchema.safeParse(item)
  if (!fields.success) return { sort: null, dateAdded: null }
  const { sort, dateAdded, lastMessageDate, lastManualMessageDate } = fields.data
  const parsedSort = sortSchema.safeParse(sort)
  const fallback =
    sortBy === 'last_message_date' ? lastMessageDate : sortBy === 'last_manual_message_date' ? lastManualMessageDate : null
  return {
    sort: parsedSort.success ? parsedSort.data : typeof fallback === 'number' ? [fallback] : null,
    dateAdded: dateAdded ?? null,
  }
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

/** An answer's items parsed one by one: a bad item is skipped, not the page. */
export function toSearchPage(response: z.infer<typeof searchResponseSchema>, sortBy: SearchView['sortBy']): SearchPage {
  const conversations: Conversation[] = []
  const items: PagedItem[] = []
  for (const raw of response.conversations) {
    const item = pagedItemOf(raw, sortBy)
    items.push(item)
    // A malformed `sort` must not cost the conversation its row: paging reads `items`.
    const parsed = conversationSchema.safeParse(
      typeof raw === 'object' && raw !== null ? { ...raw, sort: item.sort } : raw,
    )
    if (parsed.success) conversations.push(parsed.data)
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
      queryFn: ({ pageParam, signal }) => searchPage(view, pageParam, signal),
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
      refetchInterval: HEAD_POLL_MS,
      refetchOnWindowFocus: 'always',
      refetchOnReconnect: 'always',
    }),
}
