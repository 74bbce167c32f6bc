import { describe, expect, it } from 'vitest'
import { formatDuration, waitingTime } from './waiting-time'

const HOUR = 3_600_000
const now = Date.UTC(2026, 10, 2, 15)
const inbound = (hoursAgo: number) => ({ lastMessageDirection: 'inbound', lastMessageDate: now - hoursAgo * HOUR })

describe('waitingTime', () => {
  it('is null when the last message went out, or its direction or date is unknown', () => {
    expect(waitingTime({ lastMessageDirection: 'outbound', lastMessageDate: now - HOUR }, now, 2 * HOUR)).toBeNull()
    expect(waitingTime({ lastMessageDate: now - HOUR }, now, 2 * HOUR)).toBeNull()
    expect(waitingTime({ lastMessageDirection: 'inbound', lastMessageDate: null }, now, 2 * HOUR)).toBeNull()
  })

  it('is ok below three quarters of the target, a warning from there, overdue from the target on', () => {
    expect(waitingTime(inbound(1), now, 2 * HOUR)).toEqual({ waitingMs: HOUR, level: 'ok' })
    expect(waitingTime(inbound(1.5), now, 2 * HOUR)?.level).toBe('warning')
    expect(waitingTime(inbound(2), now, 2 * HOUR)?.level).toBe('overdue')
    expect(waitingTime(inbound(30), now, 2 * HOUR)?.level).toBe('overdue')
  })

  it('counts a message dated in the future (clock skew) as no wait', () => {
    expect(waitingTime(inbound(-1), now, 2 * HOUR)).toEqual({ waitingMs: 0, level: 'ok' })
  })
})

describe('formatDuration', () => {
  it.each([
    [30_000, '<1 min'],
    [42 * 60_000, '42 min'],
    [2 * HOUR, '2 h'],
    [3 * HOUR + 5 * 60_000, '3 h 5 min'],
    [52 * HOUR, '2 d 4 h'],
    [48 * HOUR, '2 d'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
