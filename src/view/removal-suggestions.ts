import type { SearchView } from '../api/schemas/search-view'
import { chipName, filterChips, type ViewChip } from './view-chips'

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
  return filterChips(chips).map((chip) => ({
      key: chip.key,
      name: chipName(chip),
      remove: chip.remove,
      without: { ...view, ...chip.remove },
    }))
}
