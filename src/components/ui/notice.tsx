import type { ReactNode } from 'react'
import { Icon, ICONS } from './icon'
import { focusRing } from './styles'

/** A dismissible warning that something was not used as given. */
export function Notice({ title, children, onDismiss }: { title: string; children: ReactNode; onDismiss: () => void }) {
  return (
    <div
      role="status"
      className="flex gap-3 border-b border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <Icon paths={ICONS.warning} className="mt-0.5 size-4 text-amber-600 dark:text-amber-400" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{title}</p>
        {children}
      </div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className={`self-start rounded p-1 text-amber-700 hover:bg-amber-100 dark:text-amber-300 dark:hover:bg-amber-900/50 ${focusRing}`}
      >
        <Icon paths={ICONS.close} />
      </button>
    </div>
  )
}
