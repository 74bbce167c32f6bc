import { formatDuration, waitingTime, type WaitingFields, type WaitingLevel } from '../../lib/waiting-time'

const LEVEL_STYLES: Record<WaitingLevel, string> = {
  ok: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  overdue: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
}

interface WaitingBadgeProps {
  conversation: WaitingFields
  /** Epoch ms; pass one shared clock (e.g. `useNow()`) rather than one timer per badge. */
  now: number
  /** The response-time target in ms. */
  targetMs: number
}

/** How long the contact has waited for an answer; nothing when the last message went out. */
export function WaitingBadge({ conversation, now, targetMs }: WaitingBadgeProps) {
  const waiting = waitingTime(conversation, now, targetMs)
  if (!waiting) return null
  const duration = formatDuration(waiting.waitingMs)
  return (
    <span
      className={`inline-flex shrink-0 items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${LEVEL_STYLES[waiting.level]}`}
      title={`Response target: ${formatDuration(targetMs)}`}
      data-level={waiting.level}
    >
      {waiting.level === 'overdue' ? `Overdue · waiting ${duration}` : `Waiting ${duration}`}
    </span>
  )
}
