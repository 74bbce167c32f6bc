import { describe, expect, it } from 'vitest'
import { formatMessageDate } from './message-date'

describe('message labels', () => {
  it('formats only real dates', () => {
    expect(formatMessageDate('2026-11-02T15:00:00.000Z')).toMatch(/2026/)
    expect(formatMessageDate('yesterday')).toBeUndefined()
    expect(formatMessageDate(null)).toBeUndefined()
  })
})
