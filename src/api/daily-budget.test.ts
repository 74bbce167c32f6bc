import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { parsePushEvent } from '../lib/push-events'
import { dailyBudgetQueries } from './daily-budget'
import { applyPushEvent } from './live-cache'

describe('the budget push event', () => {
  it('replaces the polled figure, and one of another shape is dropped', () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(dailyBudgetQueries.status().queryKey, { known: false })
    const budget = { known: true, remaining: 8200, limit: 200_000, low: true, lowAt: 20_000, bulkPaused: true, reserveAt: 10_000 }
    const event = parsePushEvent(JSON.stringify({ type: 'budget', budget }))
    expect(event).toEqual({ type: 'budget', budget })
    if (event) applyPushEvent(queryClient, event)
    expect(queryClient.getQueryData(dailyBudgetQueries.status().queryKey)).toEqual(budget)
    expect(parsePushEvent(JSON.stringify({ type: 'budget', budget: { known: true, remaining: 'lots' } }))).toBeUndefined()
  })
})
