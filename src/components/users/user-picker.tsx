import { useState } from 'react'
import { UNASSIGNED } from '../../api/schemas/enums'
import { inputClass } from '../../components/ui/styles'
import { UNASSIGNED_LABEL } from '../../lib/labels'
import type { UserOption } from '../../lib/use-user-directory'

interface UserPickerProps {
  legend: string
  selected: readonly string[] | undefined
  users: readonly UserOption[]
  usersFailed: boolean
  /** Offer "Unassigned" (only `assignedTo` takes it). */
  withUnassigned?: boolean
  onChange: (next: string[] | undefined) => void
}

const FILTER_FROM = 8

/** What the search box of a user list holds, and whether a name matches it. */
function useNameFilter() {
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  return { filter, setFilter, filtering: needle !== '', matches: (name: string) => !needle || name.toLowerCase().includes(needle) }
}

function UserSearchBox({ legend, filter, onFilter }: { legend: string; filter: string; onFilter: (filter: string) => void }) {
  return (
    <input
      type="search"
      value={filter}
      onChange={(event) => onFilter(event.target.value)}
      placeholder="Find a user…"
      aria-label={`Find ${legend.toLowerCase()}`}
      className={`${inputClass} mb-1.5 py-1 text-xs`}
    />
  )
}

const usersFailedNote = <p className="px-1.5 py-1 text-xs text-slate-500">Users could not be loaded.</p>

/** Several users by name; ids with no known user stay selectable, shown as the id. */
export function UserPicker({ legend, selected = [], users, usersFailed, withUnassigned = false, onChange }: UserPickerProps) {
  const { filter, setFilter, filtering, matches } = useNameFilter()
  const known = new Set(users.map((user) => user.id))
  const strangers = selected.filter((id) => id !== UNASSIGNED && !known.has(id)).map((id) => ({ id, name: id }))
  const shown = [...strangers, ...users].filter((user) => matches(user.name))

  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...selected, id] : selected.filter((other) => other !== id)
    onChange(next.length > 0 ? next : undefined)
  }

  const option = (id: string, name: string) => (
    <label
      key={id}
      className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
    >
      <input
        type="checkbox"
        checked={selected.includes(id)}
        onChange={(event) => toggle(id, event.target.checked)}
        className="size-3.5 accent-indigo-600"
      />
      <span className={id === name && !known.has(id) && id !== UNASSIGNED ? 'truncate font-mono text-xs' : 'truncate'}>{name}</span>
    </label>
  )

  return (
    <fieldset>
      <legend className="sr-only">{legend}</legend>
      {users.length >= FILTER_FROM && <UserSearchBox legend={legend} filter={filter} onFilter={setFilter} />}
      <div className="max-h-48 overflow-y-auto">
        {withUnassigned && !filtering && option(UNASSIGNED, UNASSIGNED_LABEL)}
        {shown.map((user) => option(user.id, user.name))}
        {usersFailed && usersFailedNote}
      </div>
    </fieldset>
  )
}

interface UserChoiceListProps {
  legend: string
  /** The current choice (`null`: Unassigned), marked in the list; undefined when there is none. */
  current: string | null | undefined
  users: readonly UserOption[]
  usersFailed: boolean
  onChoose: (id: string | null) => void
}

/** One user by name, or "Unassigned", from a searchable list of buttons: choosing acts at once. */
export function UserChoiceList({ legend, current, users, usersFailed, onChoose }: UserChoiceListProps) {
  const { filter, setFilter, matches } = useNameFilter()
  const shown = users.filter((user) => matches(user.name))
  const choice = (id: string | null, name: string) => (
    <li key={id ?? UNASSIGNED}>
      <button
        type="button"
        aria-current={id === current ? 'true' : undefined}
        onClick={() => onChoose(id)}
        className="flex w-full items-center gap-2 rounded px-1.5 py-1 text-left text-sm hover:bg-slate-100 aria-[current=true]:font-semibold dark:hover:bg-slate-800"
      >
        <span className="size-3.5 shrink-0" aria-hidden="true">
          {id === current ? '✓' : ''}
        </span>
        <span dir="auto" className="truncate">
          {name}
        </span>
      </button>
    </li>
  )
  return (
    <div role="group" aria-label={legend}>
      <UserSearchBox legend={legend} filter={filter} onFilter={setFilter} />
      <ul className="max-h-64 overflow-y-auto">
        {matches(UNASSIGNED_LABEL) && choice(null, UNASSIGNED_LABEL)}
        {shown.map((user) => choice(user.id, user.name))}
      </ul>
      {usersFailed && usersFailedNote}
    </div>
  )
}
