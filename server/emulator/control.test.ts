import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEmulator } from './index'
import { TEST_NOW, createTestClient } from './test-client'

type Wire = { id: string; lastMessageDate: number; unreadCount: number; lastMessageDirection: string; fullName?: unknown }

describe('POST /_emulator/arrive', () => {
  it('moves a conversation to the top with a new inbound message, after every other date', async () => {
    const client = createTestClient({ conversations: 200 })
    const [, , third] = await client.conversations({ limit: 3 })
    const target = third as Wire
    const answer = await client.control('arrive', { conversationId: target.id })
    expect(answer.status).toBe(200)
    const [top] = (await client.conversations({ limit: 1 })) as Wire[]
    expect(top?.id).toBe(target.id)
    expect(top?.unreadCount).toBe(target.unreadCount + 1)
    expect(top?.lastMessageDirection).toBe('inbound')
    expect(top?.lastMessageDate).toBeGreaterThanOrEqual(TEST_NOW)
    const messages = await client.get(`/conversations/${target.id}/messages?limit=1`)
    const newest = (messages.body.messages as { messages: { body: string }[] }).messages[0]
    expect(newest?.body).toBe((answer.body.arrived as { lastMessageBody: string }[])[0]?.lastMessageBody)
  })

  it('brings `count` conversations at once, sharing one date (one burst), each later call after the last', async () => {
    const client = createTestClient({ conversations: 200 })
    const first = (await client.control('arrive', { count: 5 })).body as { date: number; arrived: Wire[] }
    const second = (await client.control('arrive', {})).body as { date: number; arrived: Wire[] }
    expect(first.arrived).toHaveLength(5)
    expect(new Set(first.arrived.map((a) => a.id)).size).toBe(5)
    expect(second.arrived).toHaveLength(1)
    expect(second.date).toBeGreaterThan(first.date)
    const top = (await client.conversations({ limit: 6 })) as Wire[]
    expect(top.map((c) => c.id).sort()).toEqual([...first.arrived, ...second.arrived].map((a) => a.id).sort())
    const total = (await client.search()).body.total
    expect(total).toBe(200)
  })

  it('keeps filters current: an arrived conversation is unread, inbound and of its new type', async () => {
    const client = createTestClient({ conversations: 300 })
    const [read] = (await client.conversations({ status: 'read', lastMessageDirection: 'outbound', limit: 1 })) as Wire[]
    const before = (await client.search({ status: 'unread' })).body.total as number
    const arrived = (await client.control('arrive', { conversationId: read?.id })).body.arrived as { lastMessageType: string }[]
    expect((await client.search({ status: 'unread' })).body.total).toBe(before + 1)
    const [top] = (await client.conversations({ status: 'unread', lastMessageDirection: 'inbound', lastMessageType: arrived[0]?.lastMessageType ?? '', limit: 1 })) as Wire[]
    expect(top?.id).toBe(read?.id)
  })

  it('refuses an unknown conversation and a bad count', async () => {
    const client = createTestClient({ conversations: 20 })
    expect((await client.control('arrive', { conversationId: 'nope' })).status).toBe(400)
    expect((await client.control('arrive', { count: 0 })).status).toBe(400)
    expect((await client.control('arrive', 'not an object')).status).toBe(400)
  })
})

describe('POST /_emulator/knobs and GET /_emulator/state', () => {
  it('sets the daily remaining HighLevel reports, counting down from there, until {} renews the day', async () => {
    const client = createTestClient({ conversations: 20 })
    expect((await client.search()).headers.get('X-RateLimit-Daily-Remaining')).toBe('199999')
    const set = await client.control('knobs', { dailyRemaining: 8200 })
    expect(set.body.knobs).toMatchObject({ dailyRemaining: 8200 })
    const first = await client.search()
    expect(first.headers.get('X-RateLimit-Daily-Remaining')).toBe('8199')
    expect(first.headers.get('X-RateLimit-Limit-Daily')).toBe('200000')
    expect((await client.search()).headers.get('X-RateLimit-Daily-Remaining')).toBe('8198')
    for (const bad of [-1, 1.5, 'low', 200_001]) expect((await client.control('knobs', { dailyRemaining: bad })).status).toBe(400)
    await client.control('knobs', {})
    expect((await client.search()).headers.get('X-RateLimit-Daily-Remaining')).toBe('199999')
  })

  it('refuses with 429 once a day started with dailyRemaining is spent, saying when the day renews', async () => {
    const client = createTestClient({ conversations: 20 })
    await client.control('knobs', { dailyRemaining: 2 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await client.search()).status)
    expect(statuses).toEqual([200, 200, 429, 429])
    const refused = await client.search()
    expect(refused.headers.get('X-RateLimit-Daily-Remaining')).toBe('0')
    // The burst window is 10 s; the day renews in hours, and Retry-After says so.
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(3600)
    await client.control('knobs', {})
    expect((await client.search()).status).toBe(200)
  })

  it('sets knobs at runtime, validates them, and resets them with {}', async () => {
    const client = createTestClient({ conversations: 20, latencyMs: 0 })
    const set = await client.control('knobs', { failureRate: 0.5, rateLimit: '10/1000', jitterMs: 5 })
    expect(set.body.knobs).toEqual({ latencyMs: 0, jitterMs: 5, failureRate: 0.5, rateLimit: { max: 10, intervalMs: 1000 }, dailyRemaining: null, missingScopes: [] })
    expect((await client.control('knobs', { failureRate: 2 })).status).toBe(400)
    expect((await client.control('knobs', { rateLimit: 'lots' })).status).toBe(400)
    expect((await client.control('knobs', { latencyMs: -1 })).status).toBe(400)
    const reset = await client.control('knobs', {})
    expect(reset.body.knobs).toEqual({ latencyMs: 0, jitterMs: 0, failureRate: 0, rateLimit: null, dailyRemaining: null, missingScopes: [] })
    const state = await client.control('state')
    expect(state.body.dataset).toBe('generated')
    expect(state.body.now).toBe(TEST_NOW)
  })

  it('needs no token', async () => {
    const client = createTestClient({ conversations: 20 })
    const response = await client.emulator.fetch(new Request('http://any.origin/_emulator/state'))
    expect(response.status).toBe(200)
  })
})

describe('POST /_emulator/dataset', () => {
  it('switches the first location to the hostile and malformed fixtures and back', async () => {
    const client = createTestClient({ conversations: 50 })
    expect((await client.control('dataset', { fixture: 'hostile' })).status).toBe(200)
    const hostile = (await client.conversations({ limit: 100 })) as Wire[]
    expect(hostile.length).toBeGreaterThanOrEqual(20)
    expect(hostile.some((c) => String(c.fullName).includes('<img'))).toBe(true)
    await client.control('dataset', { fixture: 'malformed' })
    const malformed = (await client.conversations({ limit: 100 })) as unknown[]
    expect(malformed).toContain(null)
    expect(malformed).toContain(42)
    expect(malformed.some((item) => typeof item === 'object' && item !== null && !('id' in item))).toBe(true)
    await client.control('dataset', { fixture: 'generated' })
    expect((await client.search()).body.total).toBe(50)
    expect((await client.control('dataset', { fixture: 'other' })).status).toBe(400)
  })

  it('lets messages arrive after a fixture with impossible dates was served and switched back', async () => {
    const client = createTestClient({ conversations: 50 })
    await client.control('dataset', { fixture: 'malformed' })
    await client.control('dataset', { fixture: 'generated' })
    expect((await client.control('arrive', { count: 3 })).status).toBe(200)
  })
})

describe('live mode', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('brings a new message on every tick, and stops on close', async () => {
    vi.useFakeTimers()
    const emulator = createEmulator({ conversations: 30, now: TEST_NOW, liveIntervalMs: 1000 })
    const [location] = emulator.locations
    const top = async () => {
      const response = await emulator.fetch(
        new Request(`http://x/conversations/search?locationId=${location?.id}&limit=1`, {
          headers: { authorization: `Bearer ${location?.token}`, version: '2021-07-28' },
        }),
      )
      const body = (await response.json()) as { conversations: Wire[] }
      return body.conversations[0]?.lastMessageDate ?? 0
    }
    const before = await top()
    vi.advanceTimersByTime(1000)
    const after = await top()
    expect(after).toBeGreaterThan(before)
    emulator.close()
    vi.advanceTimersByTime(5000)
    expect(await top()).toBe(after)
  })
})

describe('control bodies', () => {
  it('refuses a body over 64 KB with 413 without reading it whole', async () => {
    const client = createTestClient({ conversations: 20 })
    const padding = 'x'.repeat(70 * 1024)
    expect((await client.control('knobs', { padding })).status).toBe(413)
    const state = await client.control('state')
    expect(state.body.knobs).toMatchObject({ failureRate: 0 })
  })
})
