import { useQuery } from '@tanstack/react-query'
import { configQueries } from '../../api/get-config'
import { Icon, ICONS } from '../../components/ui/icon'
import { quietButtonClass } from '../../components/ui/styles'
import { PreferencesDialog } from '../../features/preferences/preferences-dialog'

interface AppHeaderProps {
  filtersOpen: boolean
  onToggleFilters: () => void
  /** How many filters are active, shown on the narrow-screen "Filters" button. */
  activeFilters: number
}

export function AppHeader({ filtersOpen, onToggleFilters, activeFilters }: AppHeaderProps) {
  const { data: config } = useQuery(configQueries.config())
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
      <div className="ml-auto">
        <PreferencesDialog />
      </div>
    </header>
  )
}
