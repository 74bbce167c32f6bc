import { STATUSES, type Status } from '../../api/schemas/enums'
import { DEFAULT_VIEW, VIEW_DEFAULTS, type SearchView } from '../../api/schemas/search-view'
import { toApiParams } from '../../api/search-params'

/** The view a URL's search parameters describe. */
export function parseView(params: URLSearchParams): SearchView {
  const view: SearchView = { ...DEFAULT_VIEW }
  const query = params.get('query')?.trim()
  if (query) view.query = query
  const status = params.get('status')
  if (status && (STATUSES as readonly string[]).includes(status)) view.status = status as Status
  return view
}

/** The URL search parameters for a view: the API's names and formats, defaults left out. */
export function toUrlParams(view: SearchView): URLSearchParams {
  const params = toApiParams(view)
  for (const [name, value] of Object.entries(VIEW_DEFAULTS)) {
    if (params.get(name) === String(value)) params.delete(name)
  }
  return params
}
