import { paramSpec } from '../view/params'
import type { SearchCursor, SearchView, ViewParam } from './schemas/search-view'

/**
 * The query string `GET /conversations/search` is sent for a view and a page cursor: each value
 * written by its parameter's declaration (the URL's format is the API's). Every field of the
 * view is sent, defaults included; `locationId` is added by the server.
 */
export function toApiParams(view: SearchView, cursor?: SearchCursor | null): URLSearchParams {
  const params = new URLSearchParams()
  for (const name of Object.keys(view) as ViewParam[]) writeApiParam(params, view, name)
  if (cursor && cursor.length > 0) params.set('startAfterDate', cursor.join(','))
  return params
}

function writeApiParam<K extends ViewParam>(params: URLSearchParams, view: SearchView, name: K): void {
  const value = view[name]
  if (value !== undefined) params.set(name, paramSpec(name).write(value))
}
