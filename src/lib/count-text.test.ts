import { describe, expect, it } from 'vitest'
import { countOf, formatCount, formatShortCount } from './count-text'

describe('count text', () => {
  it('writes a number with its noun, singular for exactly one, with thousands grouped', () => {
    expect(countOf(1, 'other conversation')).toBe('1 other conversation')
    expect(countOf(0, 'request')).toBe('0 requests')
    expect(countOf(2345, 'HighLevel request')).toBe(`${(2345).toLocaleString()} HighLevel requests`)
    expect(countOf(2, 'reply', 'replies')).toBe('2 replies')
    expect(formatCount(1)).toBe('1 conversation')
  })

  it('shortens only counts too wide for a status tab', () => {
    expect(formatShortCount(99_999)).toBe((99_999).toLocaleString())
    expect(formatShortCount(120_000)).not.toContain('120,000')
  })
})
