import { describe, expect, it, vi } from 'vitest'
import { MESSAGE_TYPES, SORT_BYS, STATUSES } from '../../src/api/schemas/enums'
import { createTestClient } from './test-client'

const client = createTestClient({ conversations: 300 })
const { location, other } = client

describe('auth and versions', () => {
  it('answers 401 in HighLevel words without a token or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer nope', 'Basic abc', 'Bearer ']) {
      const response = await client.get(`/conversations/search?locationId=${location.id}`, { authorization })
      expect(response.status).toBe(401)
      expect(response.body).toEqual({ statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' })
    }
  })

  it('answers 400 without a Version header or with an unknown one, and accepts both published versions', async () => {
    const path = `/conversations/search?locationId=${location.id}`
    expect((await client.get(path, { version: undefined })).status).toBe(400)
    const unknown = await client.get(path, { version: '2023-01-01' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.statusCode).toBe(400)
    expect((await client.get(path, { version: '2021-04-15' })).status).toBe(200)
    expect((await client.get(path, { version: '2021-07-28' })).status).toBe(200)
  })

  it('answers 403 when the token asks for the other location', async () => {
    const response = await client.search({ locationId: other.id })
    expect(response.status).toBe(403)
    expect(response.body.statusCode).toBe(403)
    const users = await client.get(`/users/?locationId=${other.id}`)
    expect(users.status).toBe(403)
  })

  it("serves each location with its own token and data", async () => {
    const response = await client.get(`/conversations/search?locationId=${other.id}`, { authorization: `Bearer ${other.token}` })
    expect(response.status).toBe(200)
    const conversations = response.body.conversations as { locationId: string }[]
    expect(conversations.every((conversation) => conversation.locationId === other.id)).toBe(true)
    expect(response.body.total).toBe(60)
  })

  it('serves an empty location when asked for zero conversations', async () => {
    const empty = createTestClient({ conversations: 0 })
    const response = await empty.search()
    expect(response.body).toMatchObject({ conversations: [], total: 0 })
    expect((await empty.control('arrive', {})).body).toMatchObject({ ok: true, arrived: [] })
  })

  it('answers 404 on paths HighLevel does not have', async () => {
    const response = await client.get('/contacts/')
    expect(response.status).toBe(404)
  })
})

describe('422 validation', () => {
  const cases: [Record<string, string | number>, string][] = [
    [{ status: 'nope' }, `status must be one of the following values: ${STATUSES.join(', ')}`],
    [{ sort: 'up' }, 'sort must be one of the following values: asc, desc'],
    [{ sortBy: 'due_at' }, `sortBy must be one of the following values: ${SORT_BYS.join(', ')}`],
    [{ lastMessageType: 'TYPE_FAX' }, `lastMessageType must be one of the following values: ${MESSAGE_TYPES.join(', ')}`],
    [{ lastMessageDirection: 'sideways' }, 'lastMessageDirection must be one of the following values: inbound, outbound'],
    [{ lastMessageAction: 'robot' }, 'lastMessageAction must be one of the following values: automated, manual'],
    [{ limit: 0 }, 'limit must not be less than 1'],
    [{ limit: 101 }, 'limit must not be greater than 100'],
    [{ limit: 'ten' }, 'limit must be a number conforming to the specified constraints'],
    [{ limit: 2.5 }, 'limit must be an integer number'],
    [{ scoreProfileMin: 'high' }, 'scoreProfileMin must be a number conforming to the specified constraints'],
    [{ scoreProfileMax: 'x' }, 'scoreProfileMax must be a number conforming to the specified constraints'],
    [{ startDate: 'yesterday' }, 'startDate must be a number conforming to the specified constraints'],
    [{ endDate: 'today' }, 'endDate must be a number conforming to the specified constraints'],
    [{ startAfterDate: 'abc' }, 'startAfterDate must be a number (the sort value of the last conversation)'],
    [{ startAfterDate: '1,2' }, 'startAfterDate must be a number (the sort value of the last conversation)'],
    [{ sortBy: 'score_profile', startAfterDate: '1,2,3' }, 'startAfterDate must be a number or two comma-separated numbers (score, date)'],
    [{ page: 2 }, 'property page should not exist'],
  ]
  it.each(cases)('rejects %j', async (params, message) => {
    const response = await client.search(params)
    expect(response.status).toBe(422)
    expect(response.body).toEqual({ statusCode: 422, message: [message], error: 'Unprocessable Entity' })
  })

  it('takes a two-value cursor comma-separated, repeated, or as axios sends arrays', async () => {
    const base = `/conversations/search?locationId=${location.id}&sortBy=score_profile&limit=5`
    const comma = await client.get(`${base}&startAfterDate=50,1748000000000`)
    const repeated = await client.get(`${base}&startAfterDate=50&startAfterDate=1748000000000`)
    const axios = await client.get(`${base}&startAfterDate%5B%5D=50&startAfterDate%5B%5D=1748000000000`)
    expect(comma.status).toBe(200)
    expect(repeated.body.conversations).toEqual(comma.body.conversations)
    expect(axios.body.conversations).toEqual(comma.body.conversations)
  })

  it('rejects a missing locationId, on search and users', async () => {
    const search = await client.get('/conversations/search')
    expect(search.status).toBe(422)
    expect(search.body.message).toEqual(['locationId should not be empty'])
    expect((await client.get('/users/')).status).toBe(422)
  })

  it('reports every problem at once', async () => {
    const response = await client.search({ status: 'x', limit: 500 })
    expect(response.body.message).toHaveLength(2)
  })
})

describe('rate limits and failures', () => {
  it('sends rate-limit headers on every answer', async () => {
    for (const response of [await client.search(), await client.get('/conversations/search', { authorization: undefined })]) {
      for (const name of ['X-RateLimit-Limit-Daily', 'X-RateLimit-Daily-Remaining', 'X-RateLimit-Interval-Milliseconds', 'X-RateLimit-Max', 'X-RateLimit-Remaining']) {
        expect(response.headers.get(name), name).not.toBeNull()
      }
    }
  })

  it('answers 429 with Retry-After once the burst budget is spent, and recovers on reset', async () => {
    const limited = createTestClient({ conversations: 10, rateLimit: { max: 3, intervalMs: 10_000 } })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await limited.search()).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const refused = await limited.search()
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(refused.headers.get('X-RateLimit-Interval-Milliseconds')).toBe('10000')
    expect(refused.headers.get('X-RateLimit-Remaining')).toBe('0')
    await limited.control('knobs', {})
    expect((await limited.search()).status).toBe(200)
  })

  it('fails with a 5xx at the configured rate', async () => {
    const failing = createTestClient({ conversations: 10, failureRate: 1 })
    const response = await failing.search()
    expect([500, 502, 503]).toContain(response.status)
    expect(response.body.statusCode).toBe(response.status)
    await failing.control('knobs', { failureRate: 0 })
    expect((await failing.search()).status).toBe(200)
  })
})

describe('latency', () => {
  it('answers after the configured latency plus jitter, never before', async () => {
    vi.useFakeTimers()
    try {
      const slow = createTestClient({ conversations: 10, latencyMs: 300, jitterMs: 100 })
      let done = false
      const pending = slow.search().then((response) => {
        done = true
        return response
      })
      await vi.advanceTimersByTimeAsync(299)
      expect(done).toBe(false)
      await vi.advanceTimersByTimeAsync(101)
      expect((await pending).status).toBe(200)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('users', () => {
  it("lists the location's users with names", async () => {
    const response = await client.get(`/users/?locationId=${location.id}`)
    const users = response.body.users as { id: string; name: string; deleted: boolean }[]
    expect(users).toHaveLength(12)
    expect(users.every((user) => user.id.length === 20 && user.name.includes(' '))).toBe(true)
    expect(users.filter((user) => user.deleted)).toHaveLength(1)
    expect((await client.get(`/users?locationId=${location.id}`)).status).toBe(200)
  })
})
