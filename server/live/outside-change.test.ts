import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PushEvent } from '../../src/lib/push-events.ts'
import { createEmulator } from '../emulator/index.ts'
import { TEST_NOW } from '../emulator/test-client.ts'
import { createInbox, type Inbox } from '../inbox.ts'
import { testServer } from '../test-support/test-server.ts'

const PAGE_1 = 'limit=50&sort=desc&sortBy=last_message_date'

interface Row {
  id: string
  lastMessageBody?: string
  lastMessageDirection?: string
}

/**
 * A reply written in HighLevel itself (the emulator's `POST /_emulator/reply`), not through this
 * server: no write event announces it, and the watcher's shared refresh is what brings it to the
 * open inboxes, within its documented interval.
 */
describe('a change made outside this server', () => {
  let inbox: Inbox
  let events: PushEvent[]
  let request: ReturnType<typeof testServer>['request']

  beforeEach(() => {
    vi.useFakeTimers()
    const emulator = createEmulator({ conversations: 200, now: TEST_NOW })
    const [location] = emulator.locations
    if (!location) throw new Error('no location')
    const upstream = (call: Request) => emulator.fetch(call)
    const common = { upstream, apiBase: 'http://emulator.local', apiVersion: '2021-07-28', token: location.token, rateLimit: undefined, queueMax: 10, timeoutMs: 5_000 }
    inbox = createInbox({ ...common, locationId: location.id, readOnly: false })
    ;({ request } = testServer({ ...common, mode: 'emulator', location: { id: location.id }, emulatorControl: upstream, inbox }))
    events = []
    inbox.hub.subscribe((frame) => {
      const event = JSON.parse(frame.data) as PushEvent
      // The daily budget is broadcast as HighLevel reports it: not about conversations.
      if (event.type !== 'budget') events.push(event)
    })
  })
  afterEach(() => {
    inbox.close()
    vi.useRealTimers()
  })

  it('reaches a watched page 1 within the watcher’s interval, pushed as a view event and nothing else', async () => {
    const page = async (): Promise<Row[]> => ((await (await request(`/api/conversations/search?${PAGE_1}`)).json()) as { conversations: Row[] }).conversations
    const target = (await page())[4]
    if (!target) throw new Error('no fifth conversation')
    inbox.watcher.watch('tab-ann-00000001', [PAGE_1])
    await vi.advanceTimersByTimeAsync(3_000)
    const first = events.filter((event) => event.type === 'view')
    expect(first).toHaveLength(1)

    const body = 'Booked you for Tuesday 10:00'
    const reply = await request('/_emulator/reply', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: target.id, body }),
    })
    expect(reply.status).toBe(200)
    expect(events).toHaveLength(1)

    // The view was read at 3 s; it is due again 20 s later, and read at the next 3 s tick.
    inbox.watcher.watch('tab-ann-00000001', [PAGE_1])
    await vi.advanceTimersByTimeAsync(21_000)
    const pushed = events.slice(1)
    expect(pushed.map((event) => event.type)).toEqual(['view'])
    const [view] = pushed
    if (view?.type !== 'view') throw new Error('no view event')
    expect(view.key).toBe(PAGE_1)
    expect(view.conversations[0]).toMatchObject({ id: target.id, lastMessageBody: body, lastMessageDirection: 'outbound' })
  })
})
