import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { Outlet } from 'react-router'
import { configQueries } from '../../api/get-config'
import { CopyButton } from '../../components/ui/copy-button'
import { Icon, ICONS } from '../../components/ui/icon'
import { quietButtonClass } from '../../components/ui/styles'
import { ActiveFilterChips } from '../../features/filters/active-filter-chips'
import { FilterSidebar } from '../../features/filters/filter-sidebar'
import { IgnoredParamsNotice } from '../../features/filters/ignored-params-notice'
import { useInboxSearch } from '../../features/filters/use-inbox-search'
import { useViewChips } from '../../features/filters/use-view-chips'
import { InboxTable } from '../../features/inbox/inbox-table'
import { SavedViewsPanel } from '../../features/saved-views/saved-views-panel'
import { paths } from '../../lib/paths'
import { AppHeader } from './app-header'

/**
 * The inbox layout for `/` and `/conversations/:id`: the view lives in the URL's search
 * parameters, so both paths share it and moving between them keeps it.
 */
export function InboxRoute() {
  const { view, search, setView, resetView, ignored, dismissIgnored } = useInboxSearch()
  const { chips, title } = useViewChips(view)
  const { data: config } = useQuery(configQueries.config())
  const [filtersOpen, setFiltersOpen] = useState(false)
  const closeFiltersRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    document.title = title
  }, [title])

  useEffect(() => {
    if (!filtersOpen) return
    closeFiltersRef.current?.focus()
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && setFiltersOpen(false)
    document.addEventListener('keydown', closeOnEscape)
    return () => document.removeEventListener('keydown', closeOnEscape)
  }, [filtersOpen])

  return (
    <div className="flex h-full flex-col">
      <AppHeader filtersOpen={filtersOpen} onToggleFilters={() => setFiltersOpen((open) => !open)} activeFilters={chips.length} />
      <div className="flex min-h-0 flex-1">
        {filtersOpen && (
          <button
            type="button"
            aria-label="Close filters"
            tabIndex={-1}
            onClick={() => setFiltersOpen(false)}
            className="fixed inset-0 z-30 bg-slate-950/40 lg:hidden"
          />
        )}
        <aside
          id="filters"
          aria-label="Filters"
          className={`${filtersOpen ? 'fixed inset-y-0 left-0 z-40 flex shadow-xl' : 'hidden'} w-80 max-w-[85vw] shrink-0 flex-col overflow-y-auto border-r border-slate-200 bg-white lg:static lg:z-auto lg:flex lg:w-80 lg:shadow-none dark:border-slate-800 dark:bg-slate-950`}
        >
          <div className="flex items-center justify-between px-4 pt-3 lg:hidden">
            <span className="text-sm font-semibold">Filters</span>
            <button
              ref={closeFiltersRef}
              type="button"
              onClick={() => setFiltersOpen(false)}
              aria-label="Close filters"
              className={quietButtonClass}
            >
              <Icon paths={ICONS.close} />
            </button>
          </div>
          {config && <SavedViewsPanel locationId={config.locationId} currentSearch={search} suggestedName={chips.map((chip) => chip.text).join(', ') || 'All conversations'} />}
          <FilterSidebar view={view} setView={setView} />
        </aside>
        <main className="flex min-w-0 flex-1 flex-col">
          {ignored.length > 0 && <IgnoredParamsNotice issues={ignored} onDismiss={dismissIgnored} />}
          <div className="flex items-start gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
            <div className="min-w-0 flex-1 py-0.5">
              <ActiveFilterChips chips={chips} setView={setView} onClearAll={resetView} />
            </div>
            <CopyButton text={new URL(paths.inbox.href(search), window.location.origin).href} label="Copy link to this view" />
          </div>
          <InboxTable view={view} />
        </main>
        <Outlet />
      </div>
    </div>
  )
}
