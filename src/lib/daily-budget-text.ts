import type { KnownDailyBudget } from '../api/schemas/daily-budget'
import { formatNumber } from './count-text'

/** The words of HighLevel's daily budget, wherever people see it (header, bulk jobs, a job's confirmation). */

/** "HighLevel daily budget low: 8,200 of 200,000 requests left today". */
export function dailyBudgetHeadline(budget: KnownDailyBudget): string {
  return `HighLevel daily budget low: ${formatNumber(budget.remaining)} of ${formatNumber(budget.limit)} requests left today`
}

/** What it means for bulk jobs. */
export function dailyBudgetBulkText(budget: KnownDailyBudget): string {
  return budget.bulkPaused
    ? `Bulk jobs wait until it renews: the last ${formatNumber(budget.reserveAt)} requests are kept for people.`
    : `Bulk jobs stop at ${formatNumber(budget.reserveAt)} left, keeping the rest for people.`
}
