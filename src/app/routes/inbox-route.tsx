import { FilterSidebar } from '../../features/filters/filter-sidebar'
import { useInboxSearch } from '../../features/filters/use-inbox-search'
import { InboxTable } from '../../features/inbox/inbox-table'
import { AppHeader } from './app-header'

export function InboxRoute() {
  const { view, setView } = useInboxSearch()
  return (
    <div className="flex h-full flex-col">
      <AppHeader />
      <div className="flex min-h-0 flex-1">
        <aside className="w-64 shrink-0 overflow-y-auto border-r border-slate-200 dark:border-slate-800">
          <FilterSidebar view={view} setView={setView} />
        </aside>
        <main className="flex min-w-0 flex-1 flex-col">
          <InboxTable view={view} />
        </main>
      </div>
    </div>
  )
}
