import { describe, expect, it } from 'vitest'
import { relativeTime } from './relative-time'

const NOW = Date.UTC(2026, 10, 2, 15, 0, 0)

describe('relativeTime', () => {
  it.each([
    [NOW - 20_000, 'now'],
    [NOW - 5 * 60_000, '5m'],
    [NOW - 3 * 3_600_000, '3h'],
    [NOW - 2 * 86_400_000, '2d'],
  ])('shows %s as %s', (time, short) => {
    expect(relativeTime(time, NOW).short).toBe(short)
  })

  it('shows a date for older messages, with the year when it is not this year', () => {
    expect(relativeTime(Date.UTC(2026, 5, 1, 12), NOW).short).not.toMatch(/2026/)
    expect(relativeTime(Date.UTC(2024, 5, 1, 12), NOW).short).toMatch(/2024/)
  })

  it('speaks in words and keeps the exact time', () => {
    const time = relativeTime(NOW - 5 * 60_000, NOW)
    expect(time.spoken).toMatch(/5 minutes ago/)
    expect(time.exact).toMatch(/2026/)
  })

  it('treats a time slightly in the future as now', () => {
    expect(relativeTime(NOW + 30_000, NOW).short).toBe('now')
  })
})
