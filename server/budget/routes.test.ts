import { describe, expect, it } from 'vitest'
import { parsePushEvent } from '../../src/lib/push-events.ts'
import { createInbox } from '../inbox.ts'
import { recordingUpstream, testServer } from '../test-support/test-server.ts'

const withDaily = (remaining: string, limit = '200000') =>
  recordingUpstream(() =>
    Response.json({ users: [] }, { headers: { 'x-ratelimit-daily-remaining': remaining, 'x-ratelimit-limit-daily': limit } }),
  )

describe('GET /_inbox/budget', () => {
  it('is unknown until HighLevel has answered with its daily headers, then says what is left and whether it is low', async () => {
    const upstream = withDaily('8200')
    const { request } = testServer({ upstream, rateLimit: { limit: 100, windowMs: 10_000 } })
    const before = await request('/_inbox/budget')
    expect(before.status).toBe(200)
    expect(before.headers.get('cache-control')).toBe('no-store')
    expect(await before.json()).toEqual({ known: false })

    expect((await request('/api/users/')).status).toBe(200)
    expect(await (await request('/_inbox/budget')).json()).toEqual({
      known: true,
      remaining: 8200,
      limit: 200_000,
      low: true,
      lowAt: 20_000,
      bulkPaused: true,
      reserveAt: 10_000,
    })
    // The server's own figure: asking for it sent nothing more to HighLevel.
    expect(upstream.requests).toHaveLength(1)
  })

  it('reads the figure with pacing off too', async () => {
    const { request } = testServer({ upstream: withDaily('150000'), rateLimit: undefined })
    await request('/api/users/')
    expect(await (await request('/_inbox/budget')).json()).toMatchObject({ known: true, remaining: 150_000, low: false })
  })

  it('is behind the same checks as every /_inbox route', async () => {
    const { bare, request } = testServer({ accessSecret: 'a-long-enough-secret-1234' })
    expect((await bare('/_inbox/budget', { headers: { 'x-highlevel-inbox': '1' } })).status).toBe(401)
    const basic = { authorization: `Basic ${btoa('me:a-long-enough-secret-1234')}` }
    expect((await bare('/_inbox/budget', { headers: basic })).status).toBe(403)
    expect((await request('/_inbox/budget', { headers: { ...basic, 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect((await request('/_inbox/budget', { headers: basic })).status).toBe(200)
    expect((await request('/_inbox/budget', { method: 'POST', headers: basic })).status).toBe(404)
  })
})

describe('budget news on the push channel', () => {
  it('broadcasts a budget event when the figure crosses into low, and none while nothing people see changes', async () => {
    let remaining = '150000'
    const inbox = createInbox({
      upstream: recordingUpstream(() => Response.json({ users: [] }, { headers: { 'x-ratelimit-daily-remaining': remaining } })),
      apiBase: 'https://services.example.test',
      apiVersion: '2021-07-28',
      token: 'pit-test',
      locationId: 'loc1234567',
      rateLimit: undefined,
      queueMax: 10,
      timeoutMs: 1000,
      readOnly: false,
    })
    const frames: string[] = []
    inbox.hub.subscribe((frame) => frames.push(frame.data))
    const read = () => inbox.gateway.forward(new Request('http://inbox.internal/api/users/'), '/users/')
    await read()
    await read()
    remaining = '149000'
    await read()
    remaining = '19500'
    await read()
    remaining = '19400'
    await read()
    inbox.close()
    remaining = '100'
    await read()
    const budgets = frames.map((data) => parsePushEvent(data)).filter((event) => event?.type === 'budget')
    expect(budgets).toEqual([
      { type: 'budget', budget: expect.objectContaining({ known: true, remaining: 150_000, low: false }) },
      { type: 'budget', budget: expect.objectContaining({ remaining: 19_500, low: true, bulkPaused: false }) },
    ])
  })
})
