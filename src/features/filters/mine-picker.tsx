import { useId, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { inputClass, labelClass, primaryButtonClass, quietButtonClass } from '../../components/ui/styles'
import { paths } from '../../lib/paths'
import { mineView } from './ready-made-views'
import { useUserDirectory } from '../../lib/use-user-directory'

/** "Mine" before the person has said who they are: pick the HighLevel user, then open their view. */
export function MinePicker({ onChooseMe }: { onChooseMe: (userId: string) => void }) {
  const [open, setOpen] = useState(false)
  const [userId, setUserId] = useState('')
  const { users, usersFailed } = useUserDirectory()
  const navigate = useNavigate()
  const selectId = useId()

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={`${quietButtonClass} w-full justify-start px-2 font-normal`}>
        Mine…
      </button>
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!userId) return
    onChooseMe(userId)
    void navigate(paths.inbox.href(mineView(userId).search))
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded-md bg-slate-50 p-2 dark:bg-slate-900">
      <div>
        <label htmlFor={selectId} className={labelClass}>
          Which HighLevel user are you?
        </label>
        <select id={selectId} value={userId} onChange={(event) => setUserId(event.target.value)} className={inputClass}>
          <option value="">Choose…</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
        {usersFailed && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Users could not be loaded.</p>}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">Remembered in this browser; change it in preferences.</p>
      <div className="flex justify-end gap-1">
        <button type="button" onClick={() => setOpen(false)} className={quietButtonClass}>
          Cancel
        </button>
        <button type="submit" disabled={!userId} className={primaryButtonClass}>
          Show mine
        </button>
      </div>
    </form>
  )
}
