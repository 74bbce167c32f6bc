import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { STATUSES } from '../src/api/schemas/enums.ts'
import { DEFAULT_VIEW } from '../src/api/schemas/search-view.ts'
import { toApiParams } from '../src/api/search-params.ts'
import { createServer, inboxFor, type ServerOptions } from './create-server.ts'
import type { Priority } from './proxy/pacer.ts'
import { appHeaders, fakeDist, LOCATION_ID, ORIGIN, recordingUpstream, TOKEN } from './test-support/test-server.ts'

/**
 * What open tabs cost the location, counted at a fake HighLevel behind the whole server (in
 * process, on fake timers: minutes of polling take milliseconds).
 */

/** The app's polls today: page 1 of the view every 30 s (use-live-head), five counts every 60 s (use-status-counts). */
const PAGE_1 = toApiParams(DEFAULT_VIEW).toString()
const COUNTS = STATUSES.map((status) =>
  toApiParams({ ...DEFAULT_VIEW, status: status === 'all' ? undefined : status, sort: 'desc', limit: 1 }).toString(),
)

function options(upstream: ServerOptions['upstream']): ServerOptions {
  return {
    mode: 'live',
    location: { id: LOCATION_ID },
    token: TOKEN,
    apiBase: 'https://services.example.test',
    apiVersion: '2021-07-28',
    upstream,
    host: '127.0.0.1',
    port: 4173,
    allowedHosts: [],
    rateLimit: { limit: 100, windowMs: 10_000 },
    queueMax: 100,
    timeoutMs: 10_000,
    distDir: fakeDist(),
    log: () => {},
  }
}

/** Upstream calls a minute for `tabs` idle tabs, each polling at its own phase for `minutes`. */
async function idleCost(tabs: number, minutes: number): Promise<number> {
  const upstream = recordingUpstream(() => Response.json({ conversations: [], total: 0 }))
  const app = createServer(options(upstream))
  const read = (tab: number, query: string) =>
    void app.fetch(new Request(`${ORIGIN}/api/conversations/search?${query}`, { headers: { ...appHeaders(), 'x-highlevel-inbox-client': `tab-${tab}-000000` } }))
  const timers: ReturnType<typeof setInterval>[] = []
  for (let tab = 0; tab < tabs; tab += 1) {
    const phase = Math.floor((tab * 30_000) / tabs)
    setTimeout(() => {
      read(tab, PAGE_1)
      timers.push(setInterval(() => read(tab, PAGE_1), 30_000))
    }, phase)
    setTimeout(() => {
      for (const count of COUNTS) read(tab, count)
      timers.push(setInterval(() => COUNTS.forEach((count) => read(tab, count)), 60_000))
    }, phase * 2)
  }
  await vi.advanceTimersByTimeAsync(minutes * 60_000)
  for (const timer of timers) clearInterval(timer)
  return upstream.requests.length / minutes
}

describe('idle tabs through the server', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('costs the location at most three times one tab for ten tabs', async () => {
    const one = await idleCost(1, 10)
    const ten = await idleCost(10, 10)
    // One tab: page 1 twice a minute and five counts once (the polls at the very end included).
    expect(one).toBeGreaterThanOrEqual(7)
    expect(one).toBeLessThan(8)
    expect(ten).toBeGreaterThan(one)
    expect(ten).toBeLessThanOrEqual(3 * one)
  })

  it("refreshes the views tabs watch at the pacer's 'refresh' priority", async () => {
    const upstream = recordingUpstream(() => Response.json({ conversations: [], total: 0 }))
    const inbox = inboxFor(options(upstream))
    const app = createServer({ ...options(upstream), inbox })
    const pacer = inbox.gateway.pacer
    if (!pacer) throw new Error('pacing is on in this test')
    const priorities: (Priority | undefined)[] = []
    const acquire = pacer.acquire.bind(pacer)
    pacer.acquire = (acquireOptions) => (priorities.push(acquireOptions?.priority), acquire(acquireOptions))
    const beat = await app.fetch(new Request(`${ORIGIN}/_inbox/presence`, {
      method: 'POST',
      headers: { ...appHeaders('POST'), 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'tab-ann-00000001', watching: [PAGE_1] }),
    }))
    expect(beat.status).toBe(204)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(upstream.requests.map((request) => new URL(request.url).searchParams.get('limit'))).toEqual(['50'])
    expect(priorities).toEqual(['refresh'])
    inbox.close()
  })
})
