import { useQueries, useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { countQueries } from '../../api/count-conversations'
import type { SearchView } from '../../api/schemas/search-view'
import { quietButtonClass } from '../../components/ui/styles'
import { formatCount } from '../../lib/count-text'
import { removalSuggestions } from '../../view/removal-suggestions'
import { useViewChips } from '../../view/use-view-chips'

interface EmptyViewSuggestionsProps {
  view: SearchView
  setView: (patch: Partial<SearchView>) => void
}

/**
 * When a view matches nothing: which of its filters to remove, and how many conversations each
 * removal would show. Renders nothing for a view that is not empty; counts are only asked then.
 */
export function EmptyViewSuggestions({ view, setView }: EmptyViewSuggestionsProps) {
  const headingId = useId()
  const { chips } = useViewChips(view)
  const { data: total } = useQuery(countQueries.count(view))
  const suggestions = useMemo(() => removalSuggestions(view, chips), [view, chips])
  const counts = useQueries({
    queries: suggestions.map((suggestion) => ({ ...countQueries.count(suggestion.without), enabled: total === 0 })),
  })
  if (total !== 0 || suggestions.length === 0) return null

  return (
    <section aria-labelledby={headingId} className="flex flex-col items-center gap-2 px-4 py-3 text-center">
      <h2 id={headingId} className="text-sm font-medium text-slate-700 dark:text-slate-200">
        Remove one filter to see more
      </h2>
      <ul className="flex flex-wrap justify-center gap-1.5">
        {suggestions.map((suggestion, index) => {
          const { data: count, isError } = counts[index] ?? {}
          if (count === 0) {
            return (
              <li key={suggestion.key} className="px-2.5 py-1.5 text-sm text-slate-500 dark:text-slate-400">
                Without ‘{suggestion.name}’: still none
              </li>
            )
          }
          return (
            <li key={suggestion.key}>
              <button
                type="button"
                onClick={() => setView(suggestion.remove)}
                className={`${quietButtonClass} border border-slate-300 dark:border-slate-700`}
              >
                Remove ‘{suggestion.name}’{isError ? '' : ` — ${count === undefined ? 'counting…' : formatCount(count)}`}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
