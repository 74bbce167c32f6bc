import { queryOptions } from '@tanstack/react-query'
import { pollInterval } from '../lib/live-status'
import { getJson } from './http'
import { conversationKeys } from './query-keys'
import { searchResponseSchema } from './schemas/conversation'
import { VIEW_DEFAULTS, type SearchView } from './schemas/search-view'
import { toApiParams } from './search-params'

/**
 * What a count asks for: the view's filters with one row per page. The sort direction does not
 * change how many match, so views that differ only in direction share one count.
 */
export function countedView(view: SearchView): SearchView {
  return { ...view, sort: VIEW_DEFAULTS.sort, limit: 1 }
}

/** How many conversations match a view: `GET /conversations/search` with `limit=1`, read for `total`. */
export async function countConversations(view: SearchView, signal?: AbortSignal): Promise<number> {
  const response = await getJson('/api/conversations/search', searchResponseSchema, {
    params: toApiParams(countedView(view)),
    signal,
  })
  return response.total
}

/** Every unread conversation of the location, whatever the view: the tab title's number. */
const LOCATION_UNREAD: SearchView = { ...VIEW_DEFAULTS, status: 'unread' }

export const countQueries = {
  count: (view: SearchView) =>
    queryOptions({
      queryKey: conversationKeys.count(countedView(view)),
      queryFn: ({ signal }) => countConversations(view, signal),
      // Counts share the rate budget with the list: refreshed at most once a minute, and
      // only while a tab shows them.
      staleTime: 60_000,
      gcTime: 5 * 60_000,
      refetchInterval: () => pollInterval(60_000),
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
  locationUnread: () => countQueries.count(LOCATION_UNREAD),
}
