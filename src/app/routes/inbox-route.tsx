import { useQuery } from '@tanstack/react-query'
import { lazy, useCallback, useEffect, useState } from 'react'
import { Outlet, useNavigate, useParams } from 'react-router'
import { countQueries } from '../../api/count-conversations'
import { configQueries } from '../../api/get-config'
import { ConversationActionsHost } from '../../components/actions/conversation-actions-host'
import { CopyButton } from '../../components/ui/copy-button'
import { LoadBoundary } from '../../components/ui/load-boundary'
import { lazyPart } from '../../components/ui/lazy-part'
import { ActiveFilterChips } from '../../features/filters/active-filter-chips'
import { EmptyViewSuggestions } from '../../features/filters/empty-view-suggestions'
import { FilterSidebar } from '../../features/filters/filter-sidebar'
import { IgnoredParamsNotice } from '../../features/filters/ignored-params-notice'
import { ReadyMadeViewsPanel } from '../../features/filters/ready-made-views-panel'
import { useInboxSearch } from '../../view/use-inbox-search'
import { useViewChips } from '../../view/use-view-chips'
import { withUnreadCount } from '../../view/view-chips'
import { InboxTable } from '../../features/inbox/inbox-table'
import { BulkJobsPanel } from '../../features/bulk/bulk-jobs-panel'
import { openBulkAssign } from '../../features/bulk/bulk-assign-button'
import { SelectionNotice } from '../../features/bulk/selection-notice'
import { useBulkActions } from '../../features/bulk/use-bulk-actions'
import { useTickedRows } from '../../view/use-ticked-rows'
import { useUserDirectory } from '../../lib/use-user-directory'
import { useApplyTheme } from '../../features/preferences/use-apply-theme'
import { usePreferences } from '../../features/preferences/use-preferences'
import { SavedViewsPanel } from '../../features/saved-views/saved-views-panel'
import { useShortcuts } from '../../lib/use-shortcuts'
import { paths } from '../../lib/paths'
import { useOrigin } from '../../lib/first-screen-context'
import { AppHeader } from './app-header'
import { FiltersDrawer } from './filters-drawer'
import { OfflineBanner } from './offline-banner'
import { useOwnPresence } from './use-own-presence'
import { useRowMarks } from './use-row-marks'

// Not needed for the first rows: the dialog's code loads when it is first opened.
const ShortcutsDialog = lazy(() =>
  import('../../features/shortcuts/shortcuts-dialog').then(({ ShortcutsDialog }) => ({ default: ShortcutsDialog })),
)

// Shown only once rows are ticked: its code (the bulk actions, their confirmation, the assign
// list) loads as the pointer reaches a tick box or focus enters the list, before the first tick.
const SelectionBar = lazyPart(() => import('../../features/bulk/selection-bar').then(({ SelectionBar }) => SelectionBar))

/** The intent before a first tick: a pointer over a tick box, focus in the list, or `x`/`X`. */
function isTickIntent(event: Event): boolean {
  if (event instanceof KeyboardEvent) return event.key === 'x' || event.key === 'X'
  const target = event.target
  if (!(target instanceof Element) || !target.closest('[role="grid"]')) return false
  return event.type === 'focusin' || (target instanceof HTMLInputElement && target.type === 'checkbox')
}

/** Preloads the selection bar's code on the first intent to tick (until then, nothing is fetched). */
function usePreloadSelectionBar(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return
    const types = ['pointerover', 'focusin', 'keydown'] as const
    const intent = (event: Event) => {
      if (!isTickIntent(event)) return
      SelectionBar.preload()
      stop()
    }
    const stop = () => types.forEach((type) => document.removeEventListener(type, intent, true))
    types.forEach((type) => document.addEventListener(type, intent, true))
    return stop
  }, [enabled])
}

/**
 * The inbox layout for `/` and `/conversations/:id`: the view lives in the URL's search
 * parameters, so both paths share it and moving between them keeps it.
 */
export function InboxRoute() {
  const { view, search, setView, resetView, ignored, dismissIgnored } = useInboxSearch()
  const { chips, title } = useViewChips(view)
  const { data: config } = useQuery(configQueries.config())
  const { data: unread } = useQuery(countQueries.locationUnread())
  const { myUserId, setMyUserId } = usePreferences()
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const closeFilters = useCallback(() => setFiltersOpen(false), [])
  const { conversationId } = useParams()
  const navigate = useNavigate()
  const openConversation = useCallback(
    (id: string) => void navigate(paths.conversation.href(id, search)),
    [navigate, search],
  )
  useApplyTheme()
  const origin = useOrigin()
  const { density, responseTargetMs } = usePreferences()
  // Bulk actions over ticked rows (features/bulk); the inbox draws the boxes. None when read-only.
  const ticking = useTickedRows(search)
  const { userName } = useUserDirectory()
  const bulk = useBulkActions({ view, ticking, createdBy: myUserId ? userName(myUserId) : undefined })
  const canAct = config?.readOnly === false
  const rowMarks = useRowMarks()
  usePreloadSelectionBar(canAct)
  useOwnPresence()

  useEffect(() => {
    document.title = withUnreadCount(title, unread)
  }, [title, unread])

  useShortcuts({
    showHelp: () => setShortcutsOpen(true),
    focusSearch: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
  })

  return (
    <div className="flex h-full flex-col">
      <OfflineBanner />
      <AppHeader filtersOpen={filtersOpen} onToggleFilters={() => setFiltersOpen((open) => !open)} activeFilters={chips.length} />
      <div className="flex min-h-0 flex-1">
        <FiltersDrawer open={filtersOpen} onClose={closeFilters}>
          <ReadyMadeViewsPanel currentSearch={search} myUserId={myUserId} onChooseMe={setMyUserId} />
          {config && (
            <SavedViewsPanel
              locationId={config.locationId}
              currentSearch={search}
              suggestedName={chips.map((chip) => chip.text).join(', ') || 'All conversations'}
            />
          )}
          <FilterSidebar view={view} setView={setView} />
        </FiltersDrawer>
        <main className="flex min-w-0 flex-1 flex-col">
          {ignored.length > 0 && <IgnoredParamsNotice issues={ignored} onDismiss={dismissIgnored} />}
          <div className="flex items-start gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
            <div className="min-w-0 flex-1 py-0.5">
              <ActiveFilterChips chips={chips} setView={setView} onClearAll={resetView} />
            </div>
            <CopyButton text={new URL(paths.inbox.href(search), origin).href} label="Copy link to this view" />
          </div>
          <SelectionNotice notice={ticking.state.notice} />
          <BulkJobsPanel readOnly={!canAct} currentSearch={search} />
          <InboxTable
            view={view}
            ticking={canAct ? ticking : undefined}
            selectionBar={(list) => (
              <LoadBoundary what="the selection’s actions" onDismiss={ticking.clear} fallback={<SelectionBarPlaceholder />}>
                <SelectionBar ticking={ticking} bulk={bulk} list={list} />
              </LoadBoundary>
            )}
            onActOnTicked={bulk.any ? (action) => (action === 'assign' ? openBulkAssign() : bulk.run(action)) : undefined}
            emptyHint={<EmptyViewSuggestions view={view} setView={setView} />}
            selectedConversationId={conversationId}
            onOpenConversation={openConversation}
            onClearFilters={resetView}
            density={density}
            responseTargetMs={responseTargetMs}
            rowMarks={rowMarks}
          />
        </main>
        <Outlet />
      </div>
      <ConversationActionsHost />
      {shortcutsOpen && (
        <LoadBoundary what="the shortcuts" onDismiss={() => setShortcutsOpen(false)}>
          <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />
        </LoadBoundary>
      )}
    </div>
  )
}

/** Where the selection bar comes while its code loads: the same band, so the rows do not jump. */
function SelectionBarPlaceholder() {
  return (
    <div className="border-b border-indigo-200 bg-indigo-50 px-4 py-1.5 text-sm dark:border-indigo-900 dark:bg-indigo-950/50">
      <p role="status" className="py-1 text-indigo-950 dark:text-indigo-100">
        Loading the selection’s actions…
      </p>
    </div>
  )
}
