import { Link } from 'react-router'
import { navLinkClass } from '../../components/ui/styles'
import { paths } from '../../lib/paths'
import { MinePicker } from './mine-picker'
import { activeReadyMadeView, readyMadeViews } from './ready-made-views'

interface ReadyMadeViewsPanelProps {
  /** The current view's canonical search string. */
  currentSearch: string
  /** The HighLevel user the person said they are, if they did. */
  myUserId: string | undefined
  /** Remembers which HighLevel user the person is. */
  onChooseMe: (userId: string) => void
}

/** Views for common triage, one click each; the one open is marked. */
export function ReadyMadeViewsPanel({ currentSearch, myUserId, onChooseMe }: ReadyMadeViewsPanelProps) {
  const views = readyMadeViews(myUserId)
  const active = activeReadyMadeView(views, currentSearch)
  return (
    <nav aria-label="Ready-made views" className="flex flex-col gap-1 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Ready-made views</h2>
      <ul className="flex flex-col gap-0.5">
        {views.map((view) => (
          <li key={view.name} className="flex rounded-md hover:bg-slate-100 dark:hover:bg-slate-800/70">
            <Link to={paths.inbox.href(view.search)} aria-current={view === active ? 'page' : undefined} className={navLinkClass}>
              {view.name}
            </Link>
          </li>
        ))}
        {!myUserId && (
          <li>
            <MinePicker onChooseMe={onChooseMe} />
          </li>
        )}
      </ul>
    </nav>
  )
}
