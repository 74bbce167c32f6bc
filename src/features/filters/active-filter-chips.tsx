import type { SearchView } from '../../api/schemas/search-view'
import { Chip } from '../../components/ui/chip'
import { quietButtonClass } from '../../components/ui/styles'
import type { ViewChip } from '../../view/view-chips'

interface ActiveFilterChipsProps {
  chips: ViewChip[]
  setView: (patch: Partial<SearchView>) => void
  onClearAll: () => void
}

/** What the view filters on, each removable, with "Clear all" back to the plain inbox. */
export function ActiveFilterChips({ chips, setView, onClearAll }: ActiveFilterChipsProps) {
  if (chips.length === 0) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">All conversations</p>
  }
  return (
    <ul aria-label="Active filters" className="flex min-w-0 flex-wrap items-center gap-1.5">
      {chips.map((chip) => (
        <li key={chip.key} className="max-w-full">
          <Chip label={chip.label} text={chip.text} onRemove={() => setView(chip.remove)} />
        </li>
      ))}
      <li>
        <button type="button" onClick={onClearAll} className={`${quietButtonClass} py-0.5 text-xs`}>
          Clear all
        </button>
      </li>
    </ul>
  )
}
