import { describe, expect, it } from 'vitest'
import { dailyBudgetBulkText, dailyBudgetHeadline } from './daily-budget-text'

const low = { known: true as const, remaining: 8200, limit: 200_000, low: true, lowAt: 20_000, bulkPaused: true, reserveAt: 10_000 }

describe('daily budget words', () => {
  it('say what is left of what, with the counts formatted as every count in the app', () => {
    expect(dailyBudgetHeadline(low)).toBe('HighLevel daily budget low: 8,200 of 200,000 requests left today')
  })

  it('say what it means for bulk jobs, paused or not yet', () => {
    expect(dailyBudgetBulkText(low)).toBe('Bulk jobs wait until it renews: the last 10,000 requests are kept for people.')
    expect(dailyBudgetBulkText({ ...low, remaining: 15_000, bulkPaused: false })).toBe('Bulk jobs stop at 10,000 left, keeping the rest for people.')
  })
})
