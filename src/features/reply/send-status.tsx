import { quietButtonClass } from '../../components/ui/styles'
import { TAB_ID, type SendState } from './draft-store'

interface SendStatusProps {
  send: SendState
  /** A look at the conversation for a send that may have gone out is under way. */
  checking: boolean
  /** A short word after something went well ("Sent."), cleared as the person types. */
  done: string | undefined
  onCheckAgain: () => void
  onSendAgain: () => void
}

function statusText({ send, checking, done }: Pick<SendStatusProps, 'send' | 'checking' | 'done'>): string {
  switch (send.state) {
    case 'sending':
      return send.tabId === TAB_ID ? 'Sending…' : 'Sending… (from another tab, or before the page was reloaded)'
    case 'maybe-sent':
      return checking || !send.checked ? 'May have been sent — checking…' : ''
    default:
      return done ?? ''
  }
}

/**
 * Where a send stands. Progress goes to a polite live region; a failure or an unknown outcome
 * is an alert with the way forward. "Send again" after an unknown outcome is the person's word
 * that it did not go out: nothing is re-sent without it.
 */
export function SendStatus({ send, checking, done, onCheckAgain, onSendAgain }: SendStatusProps) {
  const unknown = send.state === 'maybe-sent' && send.checked && !checking ? send : undefined
  return (
    <>
      <p role="status" className="text-xs text-slate-600 empty:hidden dark:text-slate-300">
        {statusText({ send, checking, done })}
      </p>
      {send.state === 'failed' && (
        <p role="alert" className="text-sm text-red-700 wrap-anywhere dark:text-red-300">
          Not sent: {send.reason}
        </p>
      )}
      {unknown && (
        <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="wrap-anywhere">
            {unknown.checked === 'error'
              ? `May have been sent, and the conversation could not be checked: ${unknown.checkError ?? 'no reason given'}`
              : 'May have been sent: it is not in the conversation yet. Send it again only if you know it did not go out.'}
          </p>
          <div className="flex gap-2">
            <button type="button" onClick={onCheckAgain} className={quietButtonClass}>
              Check again
            </button>
            <button type="button" onClick={onSendAgain} className={quietButtonClass}>
              Send again
            </button>
          </div>
        </div>
      )}
    </>
  )
}
