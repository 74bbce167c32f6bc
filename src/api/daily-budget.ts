import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { pollInterval } from '../lib/live-status'
import { getJson } from './http'
import { DAILY_BUDGET_PATH, dailyBudgetSchema, type DailyBudget } from './schemas/daily-budget'

/**
 * HighLevel's daily budget as the server last read it (docs/server.md). The server pushes a
 * change people should see (a `budget` event); the poll only backs the push channel up, and
 * costs HighLevel nothing either way: it is the server's own figure.
 */
export const BUDGET_POLL_MS = 60_000

export const dailyBudgetQueries = {
  status: () =>
    queryOptions({
      queryKey: ['daily-budget'] as const,
      queryFn: ({ signal }) => getJson(DAILY_BUDGET_PATH, dailyBudgetSchema, { signal }),
      refetchInterval: () => pollInterval(BUDGET_POLL_MS),
      refetchIntervalInBackground: false,
    }),
}

/** A pushed figure replaces the polled one. */
export function setDailyBudget(queryClient: QueryClient, budget: DailyBudget): void {
  queryClient.setQueryData(dailyBudgetQueries.status().queryKey, budget)
}
