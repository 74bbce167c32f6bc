import { useQuery } from '@tanstack/react-query'
import { lazy, useState } from 'react'
import { configQueries } from '../../api/get-config'
import { DailyBudgetBadge } from '../../components/budget/daily-budget-notice'
import { Icon, ICONS } from '../../components/ui/icon'
import { LoadBoundary } from '../../components/ui/load-boundary'
import { quietButtonClass } from '../../components/ui/styles'

// Not needed for the first rows: the dialog's code loads when it is first opened.
const PreferencesDialog = lazy(() =>
  import('../../features/preferences/preferences-dialog').then(({ PreferencesDialog }) => ({ default: PreferencesDialog })),
)

interface AppHeaderProps {
  filtersOpen: boolean
  onToggleFilters: () => void
  /** How many filters are active, shown on the narrow-screen "Filters" button. */
  activeFilters: number
}

export function AppHeader({ filtersOpen, onToggleFilters, activeFilters }: AppHeaderProps) {
  const { data: config } = useQuery(configQueries.config())
  const [preferencesOpen, setPreferencesOpen] = useState(false)
  return (
    <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
      <button
        type="button"
        onClick={onToggleFilters}
        aria-expanded={filtersOpen}
        aria-controls="filters"
        className={`${quietButtonClass} -ml-2 lg:hidden`}
      >
        <Icon paths={ICONS.filter} />
        Filters
        {activeFilters > 0 && (
          <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white dark:bg-indigo-500">{activeFilters}</span>
        )}
      </button>
      <h1 className="text-base font-semibold">Inbox</h1>
      {config && (
        <span
          className={
            config.mode === 'emulator'
              ? 'rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200'
              : 'rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200'
          }
        >
          {config.mode === 'emulator' ? 'Demo data (built-in emulator)' : `Live · ${config.locationName ?? config.locationId}`}
        </span>
      )}
      <div className="ml-auto flex items-center gap-3">
        <DailyBudgetBadge />
        <button
          type="button"
          aria-haspopup="dialog"
          onClick={() => setPreferencesOpen(true)}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Preferences
        </button>
      </div>
      {preferencesOpen && (
        <LoadBoundary what="the preferences" onDismiss={() => setPreferencesOpen(false)}>
          <PreferencesDialog onClose={() => setPreferencesOpen(false)} />
        </LoadBoundary>
      )}
    </header>
  )
}
