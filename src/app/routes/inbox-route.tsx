import { useState } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { ConversationPane } from '../../features/conversation/conversation-pane'
import { FilterSidebar } from '../../features/filters/filter-sidebar'
import { useInboxSearch } from '../../features/filters/use-inbox-search'
import { InboxTable } from '../../features/inbox/inbox-table'
import { PreferencesDialog } from '../../features/preferences/preferences-dialog'
import { useApplyTheme } from '../../features/preferences/use-apply-theme'
import { usePreferences } from '../../features/preferences/use-preferences'
import { ShortcutsDialog } from '../../features/shortcuts/shortcuts-dialog'
import { useShortcuts } from '../../features/shortcuts/use-shortcuts'
import { paths } from '../../lib/paths'
import { AppHeader } from './app-header'

export function InboxRoute() {
  const { view, setView } = useInboxSearch()
  const { conversationId } = useParams()
  const { search } = useLocation()
  const navigate = useNavigate()
  const preferences = usePreferences()
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  useApplyTheme()
  useShortcuts({
    showHelp: () => setShortcutsOpen(true),
    focusSearch: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
  })
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center border-b border-slate-200 pr-4 dark:border-slate-800 [&>header]:flex-1 [&>header]:border-b-0">
        <AppHeader />
        <PreferencesDialog />
      </div>
      <div className="flex min-h-0 flex-1">
        <aside className="w-64 shrink-0 overflow-y-auto border-r border-slate-200 dark:border-slate-800">
          <FilterSidebar view={view} setView={setView} />
        </aside>
        <main className="flex min-w-0 flex-1 flex-col">
          <InboxTable view={view} />
        </main>
        {conversationId && (
          <aside className="w-[28rem] shrink-0 border-l border-slate-200 dark:border-slate-800">
            <ConversationPane
              key={conversationId}
              conversationId={conversationId}
              onClose={() => void navigate(paths.inbox.href(search))}
              responseTargetMs={preferences.responseTargetMs}
              currentUserId={preferences.myUserId}
            />
          </aside>
        )}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  )
}
