import { describe, expect, it } from 'vitest'
import type { DailyBudget as DailyBudgetStatus } from '../../src/api/schemas/daily-budget.ts'
import { createDailyBudget, dailyStatus } from './daily-budget.ts'

const answer = (remaining: string, limit?: string): Headers =>
  new Headers({ 'x-ratelimit-daily-remaining': remaining, ...(limit === undefined ? {} : { 'x-ratelimit-limit-daily': limit }) })

describe('dailyStatus', () => {
  it('is low at or below a tenth of the limit and pauses bulk work at or below a twentieth', () => {
    expect(dailyStatus(20_001, 200_000)).toMatchObject({ low: false, bulkPaused: false, lowAt: 20_000, reserveAt: 10_000 })
    expect(dailyStatus(20_000, 200_000)).toMatchObject({ low: true, bulkPaused: false })
    expect(dailyStatus(10_000, 200_000)).toMatchObject({ low: true, bulkPaused: true })
    expect(dailyStatus(400, 5000)).toEqual({ known: true, remaining: 400, limit: 5000, low: true, lowAt: 500, bulkPaused: false, reserveAt: 250 })
  })
})

describe('createDailyBudget', () => {
  it('is unknown until an answer carries the daily remaining, then keeps the last one', () => {
    const budget = createDailyBudget()
    expect(budget.status()).toEqual({ known: false })
    budget.observe(new Headers({ 'x-ratelimit-remaining': '99' }))
    budget.observe(answer(''))
    budget.observe(answer('plenty'))
    budget.observe(answer('-3'))
    expect(budget.status()).toEqual({ known: false })
    expect(budget.remaining).toBeUndefined()
    budget.observe(answer('150000', '200000'))
    expect(budget.status()).toMatchObject({ known: true, remaining: 150_000, limit: 200_000, low: false })
    budget.observe(answer('149000'))
    expect(budget.status()).toMatchObject({ remaining: 149_000, limit: 200_000 })
  })

  it('takes the documented 200,000 as the limit when HighLevel does not say, and a location’s own limit when it does', () => {
    const budget = createDailyBudget()
    budget.observe(answer('19000'))
    expect(budget.status()).toMatchObject({ limit: 200_000, low: true, bulkPaused: false })
    budget.observe(answer('19000', '1000000'))
    expect(budget.status()).toMatchObject({ limit: 1_000_000, low: true, bulkPaused: true, reserveAt: 50_000 })
    expect(budget.bulkPaused).toBe(true)
  })

  it('tells listeners when the notice would change: crossing into low, each further thousand while low, the reserve, renewal', () => {
    const budget = createDailyBudget()
    const heard: DailyBudgetStatus[] = []
    budget.onChange((status) => heard.push(status))
    const spend = (...remaining: number[]) => {
      for (const value of remaining) budget.observe(answer(String(value), '200000'))
    }
    spend(150_000, 120_000, 20_001)
    expect(heard.map((status) => status.known && status.remaining)).toEqual([150_000])
    spend(20_000, 19_999, 19_001, 19_000, 18_500, 10_001, 10_000, 9_999)
    expect(heard.map((status) => status.known && status.remaining)).toEqual([150_000, 20_000, 19_999, 18_500, 10_001, 10_000, 9_999])
    expect(heard.at(-1)).toMatchObject({ low: true, bulkPaused: true })
    spend(200_000)
    expect(heard.at(-1)).toMatchObject({ remaining: 200_000, low: false, bulkPaused: false })
    expect(heard).toHaveLength(8)
  })

  it('stops telling a listener that unsubscribed', () => {
    const budget = createDailyBudget()
    let heard = 0
    const stop = budget.onChange(() => (heard += 1))
    budget.observe(answer('5000'))
    stop()
    budget.observe(answer('100'))
    expect(heard).toBe(1)
  })
})
