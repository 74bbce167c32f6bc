import type { BulkAction, Estimate, JobView } from '../../api/schemas/bulk-job'
import { ACTION_LABELS } from '../../lib/action-labels'
import { countOf, formatNumber } from '../../lib/count-text'
import { UNASSIGNED_LABEL } from '../../lib/labels'

/** The words of bulk jobs: what a job does, its progress, its report, and what a confirmation says. */

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 })

/** "Assign to Jeanne", "Mark as read". */
export function actionName(action: Pick<BulkAction, 'kind'> & { assignTo?: string | null }, userName: (id: string) => string): string {
  if (action.kind !== 'assign') return ACTION_LABELS[action.kind].name
  return action.assignTo ? `Assign to ${userName(action.assignTo)}` : `Assign to ${UNASSIGNED_LABEL}`
}

/** "about 40 s", "about 3 min", "about 2 h". */
export function duration(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`
  return `about ${Math.round(seconds / 3600)} h`
}

export function jobDone(job: JobView): number {
  return job.total - job.remaining
}

/** A running job's progress as one line: done, failed, remaining, rate, time left. */
export function progressText(job: JobView): string {
  if (job.state === 'snapshotting') return `Listing the view: ${countOf(job.total, 'conversation')} so far`
  const parts = [
    `${formatNumber(jobDone(job))} of ${formatNumber(job.total)} done`,
    `${formatNumber(job.failed)} failed`,
    `${formatNumber(job.remaining)} remaining`,
  ]
  if (job.rate !== null) parts.push(`${formatNumber(Math.round(job.rate * 10) / 10)} a second`)
  if (job.etaSeconds !== null && job.remaining > 0) parts.push(`${duration(job.etaSeconds)} left`)
  return parts.join(' · ')
}

/** The end of a job: how many changed, and what became of the rest. */
export function reportText(job: JobView): string {
  const parts = [`${countOf(job.changed, 'conversation')} ${ACTION_LABELS[job.action.kind].done}`]
  if (job.skipped > 0) parts.push(`${formatNumber(job.skipped)} already were`)
  if (job.failed > 0) parts.push(`${formatNumber(job.failed)} failed`)
  if (job.remaining > 0) parts.push(`${formatNumber(job.remaining)} not done`)
  const head = { completed: 'Done', cancelled: 'Cancelled', stopped: 'Stopped', interrupted: 'Interrupted by a server restart' }
  const state = job.state in head ? head[job.state as keyof typeof head] : 'Running'
  return `${state}: ${parts.join(', ')}`
}

/** Why the server refused a job, in the app's words and numbers; the server's own words for a rule this app predates. */
export function refusalText(estimate: Estimate): string {
  const { requests: left, reserve, source } = estimate.dailyBudget
  const cost = countOf(estimate.requests.total, 'HighLevel request')
  if (estimate.refusedBy === 'reserve') {
    return left <= reserve
      ? `HighLevel's daily budget is nearly spent: ${formatNumber(left)} requests are left today, and the last ${formatNumber(reserve)} are kept for people. Bulk jobs can start again once it renews.`
      : `It would cost up to ${cost}, but only ${formatNumber(left - reserve)} of the ${formatNumber(left)} left today may go to bulk jobs (the last ${formatNumber(reserve)} are kept for people). Select fewer conversations.`
  }
  if (estimate.refusedBy === 'share') {
    return `It would cost up to ${cost}, more than ${percent.format(estimate.maxDailyShare)} of the ${formatNumber(left)} the location has ${source === 'remaining' ? 'left today' : 'a day'}. Select fewer conversations.`
  }
  return estimate.refusal ?? `It would cost more than ${percent.format(estimate.maxDailyShare)} of the daily budget`
}

export interface Confirmation {
  title: string
  lines: string[]
  /** The server's reason when the job is over the budget share: it cannot start. */
  refusal?: string
}

/** For `assign`: who moves along with their contact, as exactly as the estimate knows it. */
function alsoMovesLine({ alsoMoves, alsoMovesCounted }: Estimate): string | undefined {
  if (alsoMovesCounted === 'none') return 'Assigning moves each contact with all its conversations, also any outside this view.'
  if (!alsoMoves) return undefined
  const others = `${alsoMovesCounted === 'loaded' ? 'at least ' : ''}${countOf(alsoMoves, 'other conversation')}`
  return `Assigning moves a contact with all its conversations: ${others} outside the selection ${alsoMoves === 1 ? 'moves' : 'move'} too.`
}

/**
 * What a person agrees to: how many conversations, how many HighLevel requests and which share
 * of the location's daily budget; for `assign`, who else moves with their contact.
 */
export function confirmation(actionWords: string, estimate: Estimate, wholeView: boolean): Confirmation {
  const conversations = countOf(estimate.conversations, 'conversation')
  const budget = estimate.dailyBudget.source === 'remaining' ? `${formatNumber(estimate.dailyBudget.requests)} left today` : `${formatNumber(estimate.dailyBudget.requests)} a day`
  const lines = [
    `${actionWords}: ${wholeView ? `every one of the ${conversations} in this view` : conversations}.`,
    `It costs up to ${countOf(estimate.requests.total, 'HighLevel request')}, ${percent.format(estimate.dailyShare)} of the location's daily budget (${budget}).`,
  ]
  const moves = alsoMovesLine(estimate)
  if (moves) lines.push(moves)
  if (estimate.minSeconds !== null && estimate.minSeconds >= 5) lines.push(`It takes at least ${duration(estimate.minSeconds).replace('about ', '')}, paced so the inbox stays quick.`)
  if (!estimate.allowed) return { title: 'This job is too large to start', lines, refusal: refusalText(estimate) }
  return { title: `${actionWords}: ${conversations}?`, lines }
}
