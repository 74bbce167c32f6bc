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
