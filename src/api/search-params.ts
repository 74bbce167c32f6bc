import type { SearchCursor, SearchView } from './schemas/search-view'

/**
 * The query string `GET /conversations/search` is sent for a view and a page cursor.
 * Every field of the view is sent, defaults included; `locationId` is added by the server.
 */
export function toApiParams(view: SearchView, cursor?: SearchCursor | null): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(view) as [string, SearchView[keyof SearchView]][]) {
    if (value === undefined) continue
    params.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }
  if (cursor && cursor.length > 0) params.set('startAfterDate', cursor.join(','))
  return params
}
