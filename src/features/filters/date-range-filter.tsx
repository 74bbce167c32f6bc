import { inputClass, labelClass } from '../../components/ui/styles'
import type { SearchView } from '../../api/schemas/search-view'
import { endOfLocalDay, startOfLocalDay, toLocalDay } from '../../lib/local-day'

interface DateRangeFilterProps {
  startDate: number | undefined
  endDate: number | undefined
  onChange: (patch: Pick<SearchView, 'startDate' | 'endDate'>) => void
}

/** The `dateAdded` range as local days, both inclusive; the URL holds epoch ms. */
export function DateRangeFilter({ startDate, endDate, onChange }: DateRangeFilterProps) {
  const from = startDate === undefined ? '' : toLocalDay(startDate)
  const to = endDate === undefined ? '' : toLocalDay(endDate)
  return (
    <fieldset className="grid grid-cols-2 gap-2">
      <legend className="sr-only">Date added (local days, inclusive)</legend>
      <label className="block">
        <span className={labelClass}>From</span>
        <input
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => onChange({ startDate: startOfLocalDay(event.target.value), endDate })}
          className={`${inputClass} px-1.5 text-xs`}
        />
      </label>
      <label className="block">
        <span className={labelClass}>To</span>
        <input
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => onChange({ startDate, endDate: endOfLocalDay(event.target.value) })}
          className={`${inputClass} px-1.5 text-xs`}
        />
      </label>
    </fieldset>
  )
}
