import { DailyBudgetNotice } from '../../components/budget/daily-budget-notice'
import { ModalDialog } from '../../components/ui/modal-dialog'
import { primaryButtonClass } from '../../components/ui/styles'
import { useUserDirectory } from '../../lib/use-user-directory'
import { actionName, confirmation } from './job-words'
import type { PendingJob } from './use-bulk-actions'

interface BulkConfirmDialogProps {
  pending: PendingJob
  busy: boolean
  error: string | undefined
  onConfirm: () => void
  onClose: () => void
}

/**
 * Asks before a whole-view or large job: conversations, HighLevel requests, share of what is left
 * of the day's budget; refuses, saying why, a job over its share or into the reserve kept for people.
 */
export function BulkConfirmDialog({ pending, busy, error, onConfirm, onClose }: BulkConfirmDialogProps) {
  const { userName } = useUserDirectory()
  const words = confirmation(actionName(pending.action, userName), pending.estimate, pending.wholeView)
  return (
    <ModalDialog title={words.title} widthClass="w-[min(30rem,calc(100vw-2rem))]" onClose={onClose}>
      <div className="mt-3 space-y-2 text-sm">
        <DailyBudgetNotice />
        {words.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {words.refusal && (
          <p role="alert" className="font-medium text-red-700 dark:text-red-300">
            {words.refusal}
          </p>
        )}
        {error && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
      {!words.refusal && (
        <div className="mt-4 flex justify-end">
          <button type="button" disabled={busy} onClick={onConfirm} className={primaryButtonClass}>
            Start
          </button>
        </div>
      )}
    </ModalDialog>
  )
}
