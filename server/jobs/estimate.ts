import { MAX_LIMIT } from '../../src/api/schemas/enums'
import { DAILY_RESERVE_SHARE } from '../proxy/daily-budget.ts'
import type { JobAction, JobTarget, SelectedConversation } from './model.ts'

/**
 * What a job will cost before it starts, and whether it may: a job may spend at most
 * `maxDailyShare` of the location's daily budget (docs/bulk-jobs.md).
 */

export interface BudgetSettings {
  /** HighLevel's daily requests per location (200,000), until its answers say otherwise. */
  dailyLimit: number
  /** The largest share of the daily budget one job may cost (0.1). */
  maxDailyShare: number
}

export const DEFAULT_BUDGET: BudgetSettings = { dailyLimit: 200_000, maxDailyShare: 0.1 }

export interface Estimate {
  conversations: number
  requests: { snapshot: number; lookups: number; writes: number; total: number }
  /**
   * What the share is of: the last daily remaining HighLevel reported, else the daily limit;
   * `reserve`: the requests at the end of the day kept for people, which no job may spend.
   */
  dailyBudget: { requests: number; source: 'remaining' | 'limit'; reserve: number }
  /** `requests.total` over `dailyBudget.requests`. */
  dailyShare: number
  maxDailyShare: number
  allowed: boolean
  /** Why it is refused, in words. */
  refusal?: string
  /** Which rule refused it: over `maxDailyShare`, or into the reserve kept for people. */
  refusedBy?: 'share' | 'reserve'
  /** `assign`: conversations outside the selection that move with their contact, when known. */
  alsoMoves: number | null
  /**
   * `assign`: how `alsoMoves` was counted — `all`: every conversation of the selected contacts
   * (searched by contact); `loaded`: only the rows the app has loaded, so at least that many;
   * `none`: a whole view, whose contacts' other conversations are not counted.
   */
  alsoMovesCounted?: 'all' | 'loaded' | 'none'
  /** The fastest it can finish at the bulk share of the pacing limit, or null unpaced. */
  minSeconds: number | null
}

/**
 * Search pages to snapshot `total` conversations at 100 a page: after the first, each page
 * asks again for the last item of the one before (tie-safe paging), so it brings 99 new.
 */
export function snapshotPages(total: number): number {
  return total < MAX_LIMIT ? 1 : Math.floor((total - MAX_LIMIT) / (MAX_LIMIT - 1)) + 2
}

export interface EstimateInput {
  action: JobAction
  target: JobTarget
  /** The view's total, when the target is a view. */
  viewTotal?: number
  /** Conversations the asker has loaded: counts who moves along with a contact. */
  loaded?: readonly SelectedConversation[]
  /** Every conversation id of each selected contact, when the runner searched them all. */
  contactConversations?: ReadonlyMap<string, readonly string[]>
  daily: DailyFigure
  budget: BudgetSettings
  /** Bulk requests per second the pacer allows, when pacing is on. */
  bulkRate: number | undefined
}

/** HighLevel's daily figure as the proxy last read it (`DailyBudget`); both undefined before the first answer. */
export interface DailyFigure {
  remaining: number | undefined
  limit: number | undefined
}

const number = new Intl.NumberFormat('en-US')

/**
 * Whether a job of `requests` may start: at most `maxDailyShare` of what is left today (of the
 * daily limit while nothing is known), and never into the reserve the pacer keeps for people
 * (`DAILY_RESERVE_SHARE` of the limit), where its calls would be refused halfway.
 */
export function budgetVerdict(requests: number, input: Pick<EstimateInput, 'daily' | 'budget'>) {
  const { budget, daily } = input
  const limit = daily.limit ?? budget.dailyLimit
  const remaining = daily.remaining
  const base = remaining ?? limit
  const reserve = Math.floor(limit * DAILY_RESERVE_SHARE)
  const share = base > 0 ? requests / base : requests > 0 ? Infinity : 0
  const dailyBudget = { requests: base, source: remaining === undefined ? ('limit' as const) : ('remaining' as const), reserve }
  const percent = Math.round(budget.maxDailyShare * 100)
  if (remaining !== undefined && requests > 0 && remaining - requests < reserve) {
    const refusal = remaining <= reserve
      ? `HighLevel's daily budget is nearly spent: ${number.format(remaining)} requests are left today, and the last ${number.format(reserve)} are kept for people; bulk jobs wait until it renews`
      : `It would cost ${number.format(requests)} HighLevel requests, but only ${number.format(remaining - reserve)} of the ${number.format(remaining)} left today may go to bulk jobs (the last ${number.format(reserve)} are kept for people)`
    return { dailyBudget, share, allowed: false, refusedBy: 'reserve' as const, refusal }
  }
  if (share > budget.maxDailyShare) {
    const refusal = `It would cost ${number.format(requests)} HighLevel requests, more than ${percent} % of the ${number.format(base)} the location has ${remaining === undefined ? 'a day' : 'left today'}`
    return { dailyBudget, share, allowed: false, refusedBy: 'share' as const, refusal }
  }
  return { dailyBudget, share, allowed: true, refusedBy: undefined, refusal: undefined }
}

export function estimateJob(input: EstimateInput): Estimate {
  const { action, target } = input
  let conversations: number
  let snapshot = 0
  let lookups = 0
  let writes: number
  let alsoMoves: number | null = null
  let alsoMovesCounted: Estimate['alsoMovesCounted']
  if (target.type === 'view') {
    if (action.kind === 'assign') alsoMovesCounted = 'none'
    conversations = input.viewTotal ?? 0
    snapshot = snapshotPages(conversations)
    // At most one write each: the snapshot may show some in the target state already.
    writes = conversations
  } else {
    conversations = target.conversations.length
    writes = conversations
    if (action.kind === 'assign') {
      lookups = target.conversations.filter((item) => item.contactId === undefined).length
      const contacts = new Set(target.conversations.flatMap((item) => (item.contactId ? [item.contactId] : [])))
      writes = contacts.size + lookups
      const selected = new Set(target.conversations.map((item) => item.id))
      const everyOne = input.contactConversations
      if (everyOne && lookups === 0 && [...contacts].every((contact) => everyOne.has(contact))) {
        alsoMoves = [...contacts].flatMap((contact) => everyOne.get(contact) ?? []).filter((id) => !selected.has(id)).length
        alsoMovesCounted = 'all'
      } else if (input.loaded) {
        alsoMoves = input.loaded.filter((item) => !selected.has(item.id) && item.contactId !== undefined && contacts.has(item.contactId)).length
        alsoMovesCounted = 'loaded'
      }
    }
  }
  const total = snapshot + lookups + writes
  const verdict = budgetVerdict(total, input)
  const estimate: Estimate = {
    conversations,
    requests: { snapshot, lookups, writes, total },
    dailyBudget: verdict.dailyBudget,
    dailyShare: verdict.share,
    maxDailyShare: input.budget.maxDailyShare,
    allowed: verdict.allowed,
    alsoMoves,
    minSeconds: input.bulkRate ? Math.ceil(total / input.bulkRate) : null,
  }
  if (alsoMovesCounted) estimate.alsoMovesCounted = alsoMovesCounted
  if (verdict.refusal) estimate.refusal = verdict.refusal
  if (verdict.refusedBy) estimate.refusedBy = verdict.refusedBy
  return estimate
}
