import { STATUSES } from '../../api/schemas/enums'
import type { SearchView } from '../../api/schemas/search-view'
import { SegmentedControl } from '../../components/ui/segmented-control'
import { formatCount, formatShortCount } from '../../lib/count-text'
import { STATUS_LABELS } from '../../lib/labels'
import { statusOf, withStatus } from '../../view/status'
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
      value={statusOf(view)}
      onChange={(status) => setView({ status: withStatus(view, status).status })}
    />
  )
}
