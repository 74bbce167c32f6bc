import { useQueries } from '@tanstack/react-query'
import { countQueries } from '../../api/count-conversations'
import { STATUSES, type Status } from '../../api/schemas/enums'
import type { SearchView } from '../../api/schemas/search-view'
import { withStatus } from '../../view/status'

/** How many conversations each status tab would show with the view's other filters; undefined while unknown. */
export function useStatusCounts(view: SearchView): Partial<Record<Status, number>> {
  return useQueries({
    queries: STATUSES.map((status) => countQueries.count(withStatus(view, status))),
    combine: (results) => Object.fromEntries(STATUSES.map((status, index) => [status, results[index]?.data])),
  })
}
