import { SORT_BYS, SORT_ORDERS, type SortBy } from '../../api/schemas/enums'
import type { SearchView } from '../../api/schemas/search-view'
import { SegmentedControl } from '../../components/ui/segmented-control'
import { inputClass, labelClass } from '../../components/ui/styles'
import { SCORE_SORT_ORDER_LABELS, SORT_BY_LABELS, SORT_ORDER_LABELS } from '../../lib/labels'
import { ParamInput } from './param-input'

interface SortControlsProps {
  view: SearchView
  setView: (patch: Partial<SearchView>, options?: { replace?: boolean }) => void
}

export function SortControls({ view, setView }: SortControlsProps) {
  const byScore = view.sortBy === 'score_profile'
  const orderLabels = byScore ? SCORE_SORT_ORDER_LABELS : SORT_ORDER_LABELS
  return (
    <>
      <label className="block">
        <span className={labelClass}>Sort by</span>
        <select
          value={view.sortBy}
          onChange={(event) => setView({ sortBy: event.target.value as SortBy })}
          className={inputClass}
        >
          {SORT_BYS.map((sortBy) => (
            <option key={sortBy} value={sortBy}>
              {SORT_BY_LABELS[sortBy]}
            </option>
          ))}
        </select>
      </label>
      {(byScore || view.sortScoreProfile !== undefined) && (
        <ParamInput param="sortScoreProfile" label="Score profile to sort by" placeholder="Score profile id" view={view} setView={setView} />
      )}
      <SegmentedControl
        legend="Order"
        name="sort"
        options={SORT_ORDERS.map((sort) => ({ value: sort, label: orderLabels[sort] })).reverse()}
        value={view.sort}
        onChange={(sort) => setView({ sort })}
      />
    </>
  )
}
