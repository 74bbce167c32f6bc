import { Icon, ICONS } from './icon'
import { focusRing } from './styles'

/** A removable token: "Label: value ×". */
export function Chip({ label, text, onRemove }: { label: string; text: string; onRemove: () => void }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pr-1 pl-2.5 text-xs text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-100">
      <span className="text-indigo-600 dark:text-indigo-300">{label}:</span>
      <span className="truncate font-medium">{text}</span>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove ${label}: ${text}`}
        className={`rounded-full p-0.5 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-900 dark:hover:bg-indigo-900 dark:hover:text-white ${focusRing}`}
      >
        <Icon paths={ICONS.close} className="size-3" />
      </button>
    </span>
  )
}
