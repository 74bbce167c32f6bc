import { MAX_LIMIT } from '../../src/api/schemas/enums'
import type { JobAction, JobTarget, SelectedConversation } from './model.ts'

/**
 * What a job will cost before it starts, and whether it may: a job may spend at most
 * `maxDailyShare` of the location's daily budget (docs/bulk-jobs.md).
 */

export interface BudgetSettings {
  /** HighLevel's daily requests per location (200,000). */
  dailyLimit: number
  /** The largest share of the daily budget one job may cost (0.1). */
  maxDailyShare: number
}

export const DEFAULT_BUDGET: BudgetSettings = { dailyLimit: 200_000, maxDailyShare: 0.1 }

export interface Estimate {
  conversations: number
  requests: { snapshot: number; lookups: number; writes: number; total: number }
  /** What the share is of: the last daily remaining HighLevel reported, else the daily limit. */
  dailyBudget: { requests: number; source: 'remaining' | 'limit' }
  /** `requests.total` over `dailyBudget.requests`. */
  dailyShare: number
  maxDailyShare: number
  allowed: boolean
  /** Why it is refused, in words. */
  refusal?: string
  /** `assign`: conversations outside the selection that move with their contact, when known. */
  alsoMoves: number | null
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
  dailyRemaining: number | undefined
  budget: BudgetSettings
  /** Bulk requests per second the pacer allows, when pacing is on. */
  bulkRate: number | undefined
}

export function budgetVerdict(requests: number, input: Pick<EstimateInput, 'dailyRemaining' | 'budget'>) {
  const { budget, dailyRemaining } = input
  const fromRemaining = dailyRemaining !== undefined && dailyRemaining < budget.dailyLimit
  const base = fromRemaining ? dailyRemaining : budget.dailyLimit
  const share = base > 0 ? requests / base : requests > 0 ? Infinity : 0
  const allowed = share <= budget.maxDailyShare
  const percent = Math.round(budget.maxDailyShare * 100)
  const refusal = allowed
    ? undefined
    : `It would cost ${requests} HighLevel requests, more than ${percent} % of the ${base} the location has ${fromRemaining ? 'left today' : 'a day'}`
  return { dailyBudget: { requests: base, source: fromRemaining ? ('remaining' as const) : ('limit' as const) }, share, allowed, refusal }
}

export function estimateJob(input: EstimateInput): Estimate {
  const { action, target } = input
  let conversations: number
  let snapshot = 0
  let lookups = 0
  let writes: number
  let alsoMoves: number | null = null
  if (target.type === 'view') {
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
      if (input.loaded) {
        const selected = new Set(target.conversations.map((item) => item.id))
        alsoMoves = input.loaded.filter((item) => !selected.has(item.id) && item.contactId !== undefined && contacts.has(item.contactId)).length
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
  if (verdict.refusal) estimate.refusal = verdict.refusal
  return estimate
}
