import type { Status } from '../api/schemas/enums'
import type { SearchView } from '../api/schemas/search-view'

/** The view with a status tab chosen instead of its own: `all` is what no status means, so it is never stored. */
export function withStatus(view: SearchView, status: Status): SearchView {
  return { ...view, status: status === 'all' ? undefined : status }
}

/** The status tab a view shows. */
export function statusOf(view: SearchView): Status {
  return view.status ?? 'all'
}
