import { SavedViewItem } from './saved-view-item'
import { SaveViewForm } from './save-view-form'
import { useSavedViews } from './use-saved-views'

interface SavedViewsPanelProps {
  locationId: string
  /** The current view's canonical search string, as saved views hold it. */
  currentSearch: string
  suggestedName: string
}

/** The location's saved views, and saving the current one. */
export function SavedViewsPanel({ locationId, currentSearch, suggestedName }: SavedViewsPanelProps) {
  const { views, add, rename, remove } = useSavedViews(locationId)
  return (
    <nav aria-label="Saved views" className="flex flex-col gap-1 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
      <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Saved views</h2>
      {views.length === 0 ? (
        <p className="px-2 py-1 text-xs text-slate-500 dark:text-slate-400">Name the filters you use often to open them in one click.</p>
      ) : (
        <ul className="flex flex-col gap-0.5">
          {views.map((view) => (
            <SavedViewItem
              key={view.id}
              view={view}
              current={view.search === currentSearch}
              onRename={(name) => rename(view.id, name)}
              onRemove={() => remove(view.id)}
            />
          ))}
        </ul>
      )}
      <SaveViewForm suggestedName={suggestedName} onSave={(name) => add(name, currentSearch)} />
    </nav>
  )
}
