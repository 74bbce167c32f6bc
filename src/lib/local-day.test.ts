import { describe, expect, it } from 'vitest'
import { endOfLocalDay, startOfLocalDay, toLocalDay } from './local-day'

describe('local days', () => {
  it('starts a day at local midnight and ends it at 23:59:59.999, inclusive', () => {
    const start = startOfLocalDay('2026-11-02') ?? Number.NaN
    const end = endOfLocalDay('2026-11-02') ?? Number.NaN
    expect(new Date(start)).toEqual(new Date(2026, 10, 2, 0, 0, 0, 0))
    expect(new Date(end)).toEqual(new Date(2026, 10, 2, 23, 59, 59, 999))
  })

  it('reads both ends back as the same day', () => {
    expect(toLocalDay(startOfLocalDay('2026-03-29') ?? 0)).toBe('2026-03-29')
    expect(toLocalDay(endOfLocalDay('2026-03-29') ?? 0)).toBe('2026-03-29')
  })

  it('rejects days that do not exist', () => {
    expect(startOfLocalDay('2026-02-31')).toBeUndefined()
    expect(endOfLocalDay('not a day')).toBeUndefined()
  })
})
