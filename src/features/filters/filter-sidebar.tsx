import { STATUSES, type Status } from '../../api/schemas/enums'
import type { SearchView } from '../../api/schemas/search-view'
import { SearchBox } from './search-box'

const STATUS_LABELS: Record<Status, string> = {
  all: 'All',
  unread: 'Unread',
  read: 'Read',
  starred: 'Starred',
  recents: 'Recents',
}

interface FilterSidebarProps {
  view: SearchView
  setView: (patch: Partial<SearchView>, options?: { replace?: boolean }) => void
}

export function FilterSidebar({ view, setView }: FilterSidebarProps) {
  return (
    <nav aria-label="Filters" className="flex flex-col gap-4 p-4">
      <SearchBox
        value={view.query ?? ''}
        onChange={(query) => setView({ query: query.trim() || undefined }, { replace: true })}
      />
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">Status</legend>
        <div className="flex flex-col gap-0.5">
          {STATUSES.map((status) => (
            <label key={status} className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
              <input
                type="radio"
                name="status"
                checked={(view.status ?? 'all') === status}
                onChange={() => setView({ status: status === 'all' ? undefined : status })}
              />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
    </nav>
  )
}
