import { describe, expect, it } from 'vitest'
import { presenceHeartbeatSchema } from '../src/lib/push-events'
import { LIVE_POLL_FACTOR } from '../src/lib/live-status'
import { watchableKey } from '../server/live/view-watcher'
import { bulkFloorSeconds, costRatio, heartbeatBody, livePollPlan, LIVE_POLL_MS, watchedKeys, type IdleFigures } from './server-load'

describe('bulkFloorSeconds', () => {
  it("counts the windows the share needs, the last one's calls going out at its start", () => {
    const budget = { limit: 100, windowMs: 10_000, share: 0.6 }
    expect(bulkFloorSeconds(60, budget)).toBe(0)
    expect(bulkFloorSeconds(61, budget)).toBe(10)
    expect(bulkFloorSeconds(1025, budget)).toBe(170)
    expect(bulkFloorSeconds(3, { limit: 1, windowMs: 1000, share: 0.5 })).toBe(2)
  })
})

describe('the simulated tabs', () => {
  it('watch page 1 and the five status counts, keys the server accepts as they are', () => {
    const keys = watchedKeys()
    expect(keys).toHaveLength(6)
    expect(keys.filter((key) => new URLSearchParams(key).get('limit') === '1')).toHaveLength(5)
    for (const key of keys) expect(watchableKey(key)).toBe(key)
  })

  it('send the heartbeat the app sends, one browser per tab', () => {
    const body = heartbeatBody(7)
    expect(presenceHeartbeatSchema.safeParse(body).success).toBe(true)
    expect(body.watching).toEqual(watchedKeys())
    expect(heartbeatBody(8).clientId).not.toBe(body.clientId)
    expect(heartbeatBody(8).browserId).not.toBe(body.browserId)
  })

  it('poll at the live-mode intervals, phases spread evenly and none at once', () => {
    expect(LIVE_POLL_MS).toEqual({ page1: 30_000 * LIVE_POLL_FACTOR, counts: 60_000 * LIVE_POLL_FACTOR })
    expect(livePollPlan(0, 1).page1).toEqual({ firstMs: LIVE_POLL_MS.page1 / 2, everyMs: LIVE_POLL_MS.page1 })
    const firsts = Array.from({ length: 10 }, (_, tab) => livePollPlan(tab, 10).counts.firstMs)
    expect(firsts[0]).toBe(LIVE_POLL_MS.counts / 20)
    expect(firsts.every((first, tab) => tab === 0 || first - (firsts[tab - 1] ?? 0) === LIVE_POLL_MS.counts / 10)).toBe(true)
  })
})

describe('costRatio', () => {
  const figures = (tabs: number, upstreamPerMinute: number): IdleFigures => ({
    tabs,
    upstreamPerMinute,
    openingRequests: 0,
    pollsPerMinute: 0,
    heartbeatsPerMinute: 0,
    watchedViews: 6,
    reader: { p50: 0, p95: 0, samples: 0 },
  })

  it('divides what N tabs cost by what one tab costs', () => {
    expect(costRatio([figures(1, 8), figures(10, 12)], 10)).toBe(1.5)
    expect(costRatio([figures(10, 12)], 10)).toBeNaN()
    expect(costRatio([figures(1, 0), figures(10, 12)], 10)).toBeNaN()
  })
})
