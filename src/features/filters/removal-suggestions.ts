import type { SearchView } from '../../api/schemas/search-view'
import type { ViewChip } from './view-chips'
import type { ViewParam } from './view-params'

/** Parameters that order or page the list: removing them never brings a conversation back. */
const NOT_FILTERS: ReadonlySet<ViewParam> = new Set(['sortBy', 'sort', 'sortScoreProfile', 'limit'])

/** One filter of an empty view, and the view without it. */
export interface RemovalSuggestion {
  key: string
  /** The filter as people read it: "Status: Unread". */
  name: string
  /** The change to the view that removes the filter. */
  remove: Partial<SearchView>
  /** The view once the filter is gone, whose count the suggestion shows. */
  without: SearchView
}

/** For each active filter (chip) of a view, the view without that one filter. */
export function removalSuggestions(view: SearchView, chips: readonly ViewChip[]): RemovalSuggestion[] {
  return chips
    .filter((chip) => !NOT_FILTERS.has(chip.param))
    .map((chip) => ({
      key: chip.key,
      name: `${chip.label}: ${chip.text}`,
      remove: chip.remove,
      without: { ...view, ...chip.remove },
    }))
}
