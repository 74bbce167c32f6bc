import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_VIEW } from '../../src/api/schemas/search-view'
import { createTestClient } from '../emulator/test-client.ts'
import { createJobRunner } from './runner.ts'
import { createMemoryJobStore } from './job-store.ts'
import type { Send } from './upstream.ts'
import { untilEnded } from './test-support/runner-harness.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('a bulk job against the emulator', () => {
  it('leaves no unread conversation after "Mark as read" on Unread, through 5xx failures', async () => {
    vi.useFakeTimers()
    const client = createTestClient({ conversations: 400 })
    const { location, emulator } = client
    const send: Send = async (call) => {
      const query = new URLSearchParams(call.query)
      if (call.path === '/conversations/search') query.set('locationId', location.id)
      const search = query.size > 0 ? `?${query}` : ''
      const response = await emulator.fetch(
        new Request(`http://emulator.test${call.path}${search}`, {
          method: call.method,
          headers: { authorization: `Bearer ${location.token}`, version: '2021-07-28', 'content-type': 'application/json' },
          body: call.body === undefined ? null : JSON.stringify(call.body),
        }),
      )
      return { status: response.status, headers: response.headers, json: await response.json() }
    }
    const unreadBefore = await countUnread()
    expect(unreadBefore).toBeGreaterThan(0)
    await client.control('knobs', { failureRate: 0.2 })
    const runner = await createJobRunner({ store: createMemoryJobStore(), send, locationId: location.id, log: () => {}, retry: { maxAttempts: 20 } })
    const job = await runner.start({ action: { kind: 'markRead' }, target: { type: 'view', view: { ...DEFAULT_VIEW, status: 'unread' } } })
    const done = await untilEnded(runner, job.id)
    expect(done).toMatchObject({ state: 'completed', total: unreadBefore, changed: unreadBefore, failed: 0 })
    // Some answers were 5xx and were retried: more requests than pages and writes.
    expect(done.requests).toBeGreaterThan(unreadBefore + 10)
    await client.control('knobs', { failureRate: 0 })
    expect(await countUnread()).toBe(0)

    async function countUnread(): Promise<number> {
      const answer = await client.search({ status: 'unread', limit: 1 })
      return answer.status === 200 ? Number(answer.body.total) : Number.NaN
    }
  })
})
