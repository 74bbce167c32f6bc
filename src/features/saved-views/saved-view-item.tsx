import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { CopyButton } from '../../components/ui/copy-button'
import { Icon, ICONS } from '../../components/ui/icon'
import { focusRing, inputClass, navLinkClass } from '../../components/ui/styles'
import { paths } from '../../lib/paths'
import { MAX_NAME_LENGTH, type SavedView } from './saved-views-store'

interface SavedViewItemProps {
  view: SavedView
  current: boolean
  onRename: (name: string) => void
  onRemove: () => void
}

const iconButton = `rounded p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-700 dark:hover:text-slate-100 ${focusRing}`

/** One saved view: open it, copy its link, rename or delete it. */
export function SavedViewItem({ view, current, onRename, onRemove }: SavedViewItemProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const href = paths.inbox.href(view.search)

  if (draft !== null) {
    const submit = (event: FormEvent) => {
      event.preventDefault()
      onRename(draft)
      setDraft(null)
    }
    return (
      <li>
        <form onSubmit={submit}>
          <label>
            <span className="sr-only">New name for {view.name}</span>
            <input
              // Focus follows the click on "Rename".
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
              value={draft}
              maxLength={MAX_NAME_LENGTH}
              onChange={(event) => setDraft(event.target.value)}
              onBlur={() => setDraft(null)}
              onKeyDown={(event) => event.key === 'Escape' && setDraft(null)}
              className={`${inputClass} py-1`}
            />
          </label>
        </form>
      </li>
    )
  }

  return (
    <li className="group flex items-center gap-0.5 rounded-md hover:bg-slate-100 dark:hover:bg-slate-800/70">
      <Link
        to={href}
        aria-current={current ? 'page' : undefined}
        className={navLinkClass}
      >
        {view.name}
      </Link>
      <span className="flex opacity-0 group-focus-within:opacity-100 group-hover:opacity-100">
        <CopyButton
          text={new URL(href, window.location.origin).href}
          label={`Copy link to ${view.name}`}
          compact
          className={iconButton}
        />
        <button type="button" onClick={() => setDraft(view.name)} aria-label={`Rename ${view.name}`} className={iconButton}>
          <Icon paths={ICONS.pencil} className="size-3.5" />
        </button>
        <button type="button" onClick={onRemove} aria-label={`Delete ${view.name}`} className={iconButton}>
          <Icon paths={ICONS.trash} className="size-3.5" />
        </button>
      </span>
    </li>
  )
}
