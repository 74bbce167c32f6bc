import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { dailyBudgetQueries } from '../../api/daily-budget'
import type { KnownDailyBudget } from '../../api/schemas/daily-budget'
import { dailyBudgetBulkText, dailyBudgetHeadline } from '../../lib/daily-budget-text'
import { liveStatus } from '../../lib/live-status'
import { Icon, ICONS } from '../ui/icon'

/** HighLevel's daily budget when it runs low; undefined while it is not low or not known. */
export function useLowDailyBudget(): KnownDailyBudget | undefined {
  const { data, refetch } = useQuery(dailyBudgetQueries.status())
  // Pushed news may have been missed while the channel was down: read the figure once it is back.
  useEffect(() => liveStatus.subscribe(() => void (liveStatus.get() === 'live' && refetch())), [refetch])
  return data?.known && data.low ? data : undefined
}

const calm = 'text-amber-950 dark:text-amber-100'

/**
 * The app bar's notice: one calm line while HighLevel's daily budget is low, nothing otherwise.
 * The live region is always there, so the line is announced when it appears.
 */
export function DailyBudgetBadge() {
  const budget = useLowDailyBudget()
  return (
    <p role="status" className="min-w-0 text-xs">
      {budget && (
        <span
          title={dailyBudgetBulkText(budget)}
          className={`inline-flex items-center gap-1.5 rounded border border-amber-300 bg-amber-50 px-2 py-0.5 font-medium dark:border-amber-800 dark:bg-amber-950/40 ${calm}`}
        >
          <Icon paths={ICONS.warning} className="size-3.5 shrink-0" />
          {dailyBudgetHeadline(budget)}
        </span>
      )}
    </p>
  )
}

/** Where bulk work is planned (the jobs panel, a job's confirmation): the figure and what it means for jobs. */
export function DailyBudgetNotice({ className = '' }: { className?: string }) {
  const budget = useLowDailyBudget()
  if (!budget) return null
  return (
    <div role="status" className={`rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/40 ${calm} ${className}`}>
      <p className="font-medium">{dailyBudgetHeadline(budget)}</p>
      <p>{dailyBudgetBulkText(budget)}</p>
    </div>
  )
}
