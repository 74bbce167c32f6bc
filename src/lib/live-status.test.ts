import { afterEach, describe, expect, it, vi } from 'vitest'
import { LIVE_POLL_FACTOR, liveStatus, pollInterval } from './live-status'

afterEach(() => liveStatus.set('off'))

describe('pollInterval', () => {
  it('polls as without push unless it is live, and tells subscribers once per change', () => {
    const listener = vi.fn()
    liveStatus.subscribe(listener)
    expect(pollInterval(30_000)).toBe(30_000)
    liveStatus.set('connecting')
    expect(pollInterval(30_000)).toBe(30_000)
    liveStatus.set('live')
    liveStatus.set('live')
    expect(pollInterval(30_000)).toBe(30_000 * LIVE_POLL_FACTOR)
    expect(listener).toHaveBeenCalledTimes(2)
  })
})
