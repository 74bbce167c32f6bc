import { useId, useState } from 'react'
import { inputClass, quietButtonClass } from '../../components/ui/styles'
import { UNASSIGNED_LABEL } from '../../lib/labels'
import { useEscapeLayer } from '../../lib/escape-layers'
import { useUserDirectory } from '../../lib/use-user-directory'

interface AssignMenuProps {
  disabled: boolean
  onAssign: (userId: string | null) => void
}

const ASSIGN_BUTTON_ID = 'bulk-assign'

/** `a` while rows are ticked: opens the selection bar's Assign list, as a click would. */
export function openBulkAssign(): void {
  document.getElementById(ASSIGN_BUTTON_ID)?.click()
}

/** "Assign": a searchable list of the location's users, and "Unassigned". */
export function AssignMenu({ disabled, onAssign }: AssignMenuProps) {
  const [open, setOpen] = useState(false)
  const [filter, setFilter] = useState('')
  const { users, usersFailed } = useUserDirectory()
  const panelId = useId()
  useEscapeLayer(open, () => setOpen(false))
  const needle = filter.trim().toLowerCase()
  const shown = users.filter((user) => !needle || user.name.toLowerCase().includes(needle))
  const choose = (userId: string | null) => {
    setOpen(false)
    onAssign(userId)
  }
  const entry = (id: string | null, name: string) => (
    <li key={id ?? ''}>
      <button type="button" onClick={() => choose(id)} className={`${quietButtonClass} w-full justify-start font-normal`}>
        {name}
      </button>
    </li>
  )
  return (
    <div className="relative">
      <button
        id={ASSIGN_BUTTON_ID}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
        className={quietButtonClass}
      >
        Assign
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="Assign to"
          className="absolute top-full left-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder="Find a user…"
            aria-label="Find a user to assign"
            className={`${inputClass} mb-1.5 py-1 text-xs`}
          />
          {usersFailed && <p className="px-1 text-xs text-red-700 dark:text-red-300">The users could not be loaded.</p>}
          <ul className="max-h-56 overflow-y-auto">
            {!needle && entry(null, UNASSIGNED_LABEL)}
            {shown.map((user) => entry(user.id, user.name))}
          </ul>
        </div>
      )}
    </div>
  )
}
