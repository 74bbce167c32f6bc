import { STATUSES } from '../../api/schemas/enums'
import type { SearchView } from '../../api/schemas/search-view'
import { SegmentedControl } from '../../components/ui/segmented-control'
import { STATUS_LABELS } from '../../lib/view-options'
import { formatCount, formatShortCount } from './count-text'
import { useStatusCounts } from './use-status-counts'

interface StatusControlProps {
  view: SearchView
  setView: (patch: Partial<SearchView>) => void
}

/** The status tabs, each with how many conversations it holds under the view's other filters. */
export function StatusControl({ view, setView }: StatusControlProps) {
  const counts = useStatusCounts(view)
  return (
    <SegmentedControl
      legend="Status"
      name="status"
      options={STATUSES.map((status) => {
        const count = counts[status]
        return {
          value: status,
          label: STATUS_LABELS[status],
          detail: count === undefined ? { shown: '', spoken: '' } : { shown: formatShortCount(count), spoken: formatCount(count) },
        }
      })}
      value={view.status ?? 'all'}
      onChange={(status) => setView({ status: status === 'all' ? undefined : status })}
    />
  )
}
