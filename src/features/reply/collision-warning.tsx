import { quietButtonClass } from '../../components/ui/styles'
import type { OtherReply } from './reply-form'

interface CollisionWarningProps {
  other: OtherReply
  onSend: () => void
  onKeepEditing: () => void
}

/** Asked before sending over someone else's fresh reply; nothing is sent until "Send anyway". */
export function CollisionWarning({ other, onSend, onKeepEditing }: CollisionWarningProps) {
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="font-medium">{other.who} replied since you opened this conversation:</p>
      <blockquote dir="auto" className="border-l-2 border-amber-300 pl-2 whitespace-pre-wrap wrap-anywhere">
        {other.text || '(no text)'}
      </blockquote>
      <p>Send yours as well?</p>
      <div className="flex gap-2">
        <button type="button" onClick={onSend} className={quietButtonClass}>
          Send anyway
        </button>
        <button type="button" onClick={onKeepEditing} className={quietButtonClass}>
          Keep editing
        </button>
      </div>
    </div>
  )
}
