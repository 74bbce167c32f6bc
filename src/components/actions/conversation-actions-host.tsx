import { useEffect, useRef } from 'react'
import { AssignDialog } from './assign-dialog'
import { actionStore, useActionState, type ActionStatus } from './action-store'
import { useConversationActions } from './use-conversation-actions'

/** How long a done action offers Undo. */
export const UNDO_MS = 8_000

/**
 * The page's one status region for actions (what was done, with Undo; what failed and why) and
 * its one assign dialog. Mounted once, beside the inbox.
 */
export function ConversationActionsHost() {
  const { status, assigning } = useActionState()
  const actions = useConversationActions()
  // The dialog is unmounted rather than closed: focus goes back to where it was by hand.
  const returnFocus = useRef<Element | null>(null)
  useEffect(() => {
    if (!assigning) return
    returnFocus.current = document.activeElement
    return () => {
      const target = returnFocus.current
      if (target instanceof HTMLElement && target.isConnected) target.focus()
    }
  }, [assigning])

  return (
    <>
      <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
        {status && <StatusCard key={status.id} status={status} />}
      </div>
      {assigning && (
        <AssignDialog
          conversation={assigning}
          onClose={actionStore.closeAssign}
          onChoose={(assignTo) => {
            actionStore.closeAssign()
            actions.act(assigning, 'assign', assignTo)
          }}
        />
      )}
    </>
  )
}

function StatusCard({ status }: { status: ActionStatus }) {
  const { id, tone, undo } = status
  useEffect(() => {
    if (tone !== 'done') return
    const timer = setTimeout(() => actionStore.dismiss(id), UNDO_MS)
    return () => clearTimeout(timer)
  }, [id, tone])
  const failed = tone === 'failed'
  return (
    <div
      data-testid="action-status"
      data-tone={tone}
      className={`pointer-events-auto flex max-w-xl items-start gap-3 rounded-lg px-4 py-2.5 text-sm shadow-lg ${
        failed ? 'bg-red-700 text-white' : 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
      }`}
    >
      <div className="min-w-0 flex-1">
        <p className="font-medium">{status.title}</p>
        {status.detail && <p className="mt-0.5 text-xs opacity-90">{status.detail}</p>}
      </div>
      {undo && (
        <button type="button" onClick={undo} className="font-semibold underline underline-offset-2">
          Undo
        </button>
      )}
      {tone !== 'busy' && (
        <button type="button" aria-label="Dismiss" onClick={() => actionStore.dismiss(id)} className="px-1 leading-none">
          ×
        </button>
      )}
    </div>
  )
}
