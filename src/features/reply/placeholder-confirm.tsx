import { quietButtonClass } from '../../components/ui/styles'

interface PlaceholderConfirmProps {
  unfilled: readonly string[]
  onSendAnyway: () => void
  onKeepEditing: () => void
}

/** Asks before a reply goes out with placeholders nobody filled (`{{contact.first_name}}`). */
export function PlaceholderConfirm({ unfilled, onSendAnyway, onKeepEditing }: PlaceholderConfirmProps) {
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="wrap-anywhere">The reply still holds {unfilled.join(', ')}: send it as it is?</p>
      <div className="flex gap-2">
        <button type="button" onClick={onSendAnyway} className={quietButtonClass}>
          Send anyway
        </button>
        <button type="button" onClick={onKeepEditing} className={quietButtonClass}>
          Keep editing
        </button>
      </div>
    </div>
  )
}
