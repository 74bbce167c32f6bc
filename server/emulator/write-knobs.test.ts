import { describe, expect, it, vi } from 'vitest'
import { createTestClient, type TestClient } from './test-client'

/** One of each write the emulator serves, on a conversation whose contact has a phone. */
function writesOf(client: TestClient) {
  const row = client.state.stores[0]?.rows.find((candidate) => candidate.phone !== '' && candidate.unreadCount > 0)
  if (!row) throw new Error('no conversation to write to')
  const user = client.state.stores[0]?.location.users.find((candidate) => !candidate.deleted && candidate.id !== row.assignedTo)
  const snapshot = () => ({ unreadCount: row.unreadCount, assignedTo: row.assignedTo, lastMessageDate: row.lastMessageDate })
  const writes: [string, () => ReturnType<TestClient['write']>][] = [
    ['PUT /conversations/{id}', () => client.write('PUT', `/conversations/${row.id}`, { locationId: client.location.id, unreadCount: 0 })],
    ['PUT /contacts/{contactId}', () => client.write('PUT', `/contacts/${row.contactId}`, { assignedTo: user?.id })],
    ['POST /conversations/messages', () => client.write('POST', '/conversations/messages', { type: 'SMS', contactId: row.contactId, message: 'Hi' })],
  ]
  return { writes, snapshot }
}

describe('knobs apply to writes', () => {
  it('fails writes at the failure rate, applying nothing', async () => {
    const client = createTestClient({ conversations: 50, failureRate: 1 })
    const { writes, snapshot } = writesOf(client)
    const before = snapshot()
    for (const [name, write] of writes) expect([500, 502, 503], name).toContain((await write()).status)
    expect(snapshot()).toEqual(before)
    await client.control('knobs', { failureRate: 0 })
    for (const [name, write] of writes) expect((await write()).status, name).toBe(200)
    expect(snapshot()).not.toEqual(before)
  })

  it('counts writes against the rate limit: a refused write is answered 429 and applies nothing', async () => {
    const client = createTestClient({ conversations: 50, rateLimit: { max: 2, intervalMs: 60_000 } })
    const { writes, snapshot } = writesOf(client)
    const [first, second, third] = writes
    const answer = await first?.[1]()
    expect(answer?.status).toBe(200)
    expect(answer?.headers.get('X-RateLimit-Remaining')).toBe('1')
    expect((await client.search()).status).toBe(200)
    const before = snapshot()
    for (const write of [second, third]) {
      const refused = await write?.[1]()
      expect(refused?.status).toBe(429)
      expect(refused?.headers.get('Retry-After')).toBeTruthy()
    }
    expect(snapshot()).toEqual(before)
  })

  it('answers writes after the latency, and applies them only then', async () => {
    vi.useFakeTimers()
    try {
      const client = createTestClient({ conversations: 50, latencyMs: 500 })
      const { writes, snapshot } = writesOf(client)
      for (const [name, write] of writes) {
        const before = snapshot()
        let done = false
        const pending = write().then((response) => {
          done = true
          return response
        })
        await vi.advanceTimersByTimeAsync(499)
        expect(done, name).toBe(false)
        expect(snapshot(), name).toEqual(before)
        await vi.advanceTimersByTimeAsync(1)
        expect((await pending).status, name).toBe(200)
        expect(snapshot(), name).not.toEqual(before)
      }
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('the missingScopes knob', () => {
  const outOfScope = { statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' }

  it('answers HighLevel’s 401 on exactly the routes needing a missing scope, applying nothing, until {} resets it', async () => {
    const client = createTestClient({ conversations: 50 })
    const { writes, snapshot } = writesOf(client)
    const [read, assign, send] = writes
    expect((await client.control('knobs', { missingScopes: ['contacts.write'] })).status).toBe(200)
    const before = snapshot()
    const refused = await assign?.[1]()
    expect(refused?.status).toBe(401)
    expect(refused?.body).toEqual(outOfScope)
    expect(snapshot()).toEqual(before)
    expect((await read?.[1]())?.status).toBe(200)
    expect((await client.search()).status).toBe(200)

    await client.control('knobs', { missingScopes: ['conversations.write', 'conversations/message.write'] })
    for (const write of [read, send]) expect((await write?.[1]())?.body).toEqual(outOfScope)
    expect((await assign?.[1]())?.status).toBe(200)

    await client.control('knobs', { missingScopes: ['conversations.readonly'] })
    expect((await client.search()).body).toEqual(outOfScope)
    expect((await client.control('knobs', {})).body.knobs).toMatchObject({ missingScopes: [] })
    expect((await client.search()).status).toBe(200)
  })

  it('comes after the token check: a bad token is still told it is invalid', async () => {
    const client = createTestClient({ conversations: 10 })
    await client.control('knobs', { missingScopes: ['conversations.readonly'] })
    const answer = await client.get(`/conversations/search?locationId=${client.location.id}`, { authorization: 'Bearer nope' })
    expect(answer.body.message).toBe('Invalid token: access token is invalid')
  })

  it('refuses what is not a list of distinct known scopes', async () => {
    const client = createTestClient({ conversations: 10 })
    for (const missingScopes of ['contacts.write', ['contacts.readonly'], ['contacts.write', 'contacts.write'], [1], Array(8).fill('contacts.write'), null]) {
      const answer = await client.control('knobs', { missingScopes })
      expect(answer.status, JSON.stringify(missingScopes)).toBe(400)
      expect(answer.body.message).toMatch(/^missingScopes must be a list of distinct scopes out of: conversations\.readonly, /)
    }
    expect((await client.control('knobs', { missingScopes: [] })).status).toBe(200)
  })
})
