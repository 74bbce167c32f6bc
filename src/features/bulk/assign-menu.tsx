import { useId, useState } from 'react'
import { UserChoiceList } from '../../components/users/user-picker'
import { quietButtonClass } from '../../components/ui/styles'
import { useEscapeLayer } from '../../lib/escape-layers'
import { useUserDirectory } from '../../lib/use-user-directory'
import { ASSIGN_BUTTON_ID } from './bulk-assign-button'

interface AssignMenuProps {
  disabled: boolean
  onAssign: (userId: string | null) => void
}

/** "Assign": a searchable list of the location's users, and "Unassigned". */
export function AssignMenu({ disabled, onAssign }: AssignMenuProps) {
  const [open, setOpen] = useState(false)
  const { users, usersFailed } = useUserDirectory()
  const panelId = useId()
  useEscapeLayer(open, () => setOpen(false))
  const choose = (userId: string | null) => {
    setOpen(false)
    onAssign(userId)
  }
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
          className="absolute top-full left-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {/* The ticked rows have many assignees: none is marked current. */}
          <UserChoiceList legend="Assignee" current={undefined} users={users} usersFailed={usersFailed} onChoose={choose} />
        </div>
      )}
    </div>
  )
}
