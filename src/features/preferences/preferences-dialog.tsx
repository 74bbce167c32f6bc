import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { userDisplayName, userQueries } from '../../api/list-users'
import { ModalDialog } from '../../components/ui/modal-dialog'
import { formatDuration } from '../../lib/waiting-time'
import { DENSITIES, DENSITY_LABELS } from '../../lib/density'
import { THEMES, type Theme } from './preferences-store'
import { usePreferences } from './use-preferences'

const THEME_LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' }
const MINUTE = 60_000
const TARGET_CHOICES = [15, 30, 60, 120, 240, 480, 1440].map((minutes) => minutes * MINUTE)

const legendClass = 'mb-1 text-sm font-medium'
const selectClass = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800'

/** The preferences, in a modal dialog open while mounted. Changes apply at once and are remembered. */
export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const targetId = useId()
  const userId = useId()
  const preferences = usePreferences()
  const users = useQuery(userQueries.list())
  const targets = TARGET_CHOICES.includes(preferences.responseTargetMs)
    ? TARGET_CHOICES
    : [...TARGET_CHOICES, preferences.responseTargetMs].sort((a, b) => a - b)
  const knownMe = users.data?.some((user) => user.id === preferences.myUserId) ?? false

  return (
    <ModalDialog
      title="Preferences"
      description="Kept in this browser, for all its tabs."
      widthClass="w-[min(26rem,calc(100vw-2rem))]"
      onClose={onClose}
    >
      <div className="mt-4 flex flex-col gap-4">
        <RadioList
          legend="Theme"
          name="theme"
          options={THEMES}
          labels={THEME_LABELS}
          value={preferences.theme}
          onChange={preferences.setTheme}
        />
        <RadioList
          legend="Row density"
          name="density"
          options={DENSITIES}
          labels={DENSITY_LABELS}
          value={preferences.density}
          onChange={preferences.setDensity}
        />
        <div>
          <label htmlFor={targetId} className={legendClass}>
            Response-time target
          </label>
          <select
            id={targetId}
            value={preferences.responseTargetMs}
            onChange={(event) => preferences.setResponseTargetMs(Number(event.target.value))}
            className={`mt-1 ${selectClass}`}
          >
            {targets.map((ms) => (
              <option key={ms} value={ms}>
                {formatDuration(ms)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={userId} className={legendClass}>
            I am (HighLevel user)
          </label>
          <select
            id={userId}
            value={preferences.myUserId ?? ''}
            onChange={(event) => preferences.setMyUserId(event.target.value || undefined)}
            className={`mt-1 ${selectClass}`}
          >
            <option value="">Not set</option>
            {preferences.myUserId && !knownMe && <option value={preferences.myUserId}>{preferences.myUserId}</option>}
            {users.data?.map((user) => (
              <option key={user.id} value={user.id}>
                {userDisplayName(user)}
              </option>
            ))}
          </select>
          {users.isError && (
            <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
              Could not load the users.{' '}
              <button type="button" onClick={() => void users.refetch()} className="underline">
                Retry
              </button>
            </p>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={preferences.markReadOnOpen}
            onChange={(event) => preferences.setMarkReadOnOpen(event.target.checked)}
          />
          Mark as read when opened
        </label>
      </div>
    </ModalDialog>
  )
}

interface RadioListProps<T extends string> {
  legend: string
  name: string
  options: readonly T[]
  labels: Record<T, string>
  value: T
  onChange: (value: T) => void
}

/** One preference's choices, as a column of radio buttons. */
function RadioList<T extends string>({ legend, name, options, labels, value, onChange }: RadioListProps<T>) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className={legendClass}>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  )
}
