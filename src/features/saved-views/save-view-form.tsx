import { useState, type FormEvent } from 'react'
import { Icon, ICONS } from '../../components/ui/icon'
import { inputClass, primaryButtonClass, quietButtonClass } from '../../components/ui/styles'
import { MAX_NAME_LENGTH } from './saved-views-store'

/** "Save view": asks for a name, suggesting one from the filters. */
export function SaveViewForm({ suggestedName, onSave }: { suggestedName: string; onSave: (name: string) => void }) {
  const [name, setName] = useState<string | null>(null)

  if (name === null) {
    return (
      <button type="button" onClick={() => setName(suggestedName)} className={`${quietButtonClass} w-full justify-start`}>
        <Icon paths={ICONS.bookmark} />
        Save current view
      </button>
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    onSave(name)
    setName(null)
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded-md bg-slate-50 p-2 dark:bg-slate-900">
      <label className="block">
        <span className="sr-only">View name</span>
        <input
          // Focus follows the click that opened the form.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          value={name}
          maxLength={MAX_NAME_LENGTH}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && setName(null)}
          placeholder="View name"
          className={inputClass}
        />
      </label>
      <div className="flex justify-end gap-1">
        <button type="button" onClick={() => setName(null)} className={quietButtonClass}>
          Cancel
        </button>
        <button type="submit" disabled={!name.trim()} className={primaryButtonClass}>
          Save view
        </button>
      </div>
    </form>
  )
}
