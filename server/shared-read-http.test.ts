import { afterEach, describe, expect, it } from 'vitest'
import type { Upstream } from './proxy/forward.ts'
import { LOCATION_ID, TOKEN } from './test-support/test-server.ts'
import { appCall, emulatorUpstream, startWiredServer, type WiredServer } from './test-support/wired-server.ts'

/** The shared read, the hub and the pacer's fairness through the whole server on a real socket. */
const servers: WiredServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()))
})

const ANN = 'tab-ann-00000001'
const BOB = 'tab-bob-00000001'
const CONVERSATION = 'conv00000001'
const CONTACT = 'contact00001'

interface Held {
  request: Request
  release: () => void
}

/** A fake HighLevel whose answers wait until the test releases them (or at once, once `flowing`). */
function heldUpstream(answer: (request: Request) => Response) {
  const held: Held[] = []
  const arrived: Request[] = []
  let flowing = false
  const upstream: Upstream = (request) => {
    arrived.push(request)
    return new Promise((resolve) => {
      const release = () => resolve(answer(request))
      if (flowing) release()
      else held.push({ request, release })
    })
  }
  return {
    upstream,
    held,
    arrived,
    flow() {
      flowing = true
      for (const each of held.splice(0)) each.release()
    },
  }
}

/** A lagging search: it keeps showing the conversation unread, as HighLevel does for a few seconds. */
const laggingSearch = (): Response =>
  Response.json({ conversations: [{ id: CONVERSATION, contactId: CONTACT, locationId: LOCATION_ID, unreadCount: 2 }], total: 1 })

async function start(upstream: Upstream, rateLimit?: { limit: number; windowMs: number }): Promise<WiredServer> {
  const server = await startWiredServer({ upstream, token: TOKEN, locationId: LOCATION_ID, apiBase: 'https://services.example.test', rateLimit })
  servers.push(server)
  return server
}

const get = (server: WiredServer, path: string, tab = ANN) => fetch(`${server.origin}${path}`, appCall(server.origin, tab))

/** Reads an event stream until its text contains `wanted`. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, wanted: string): Promise<string> {
  const decoder = new TextDecoder()
  let text = ''
  while (!text.includes(wanted)) {
    const chunk = await reader.read()
    if (chunk.done) throw new Error(`the stream ended before "${wanted}": ${text}`)
    text += decoder.decode(chunk.value)
  }
  return text
}

describe('the shared read and live events through the server', () => {
  it('sends N identical concurrent GETs upstream once and answers every one', async () => {
    const fake = heldUpstream(laggingSearch)
    const server = await start(fake.upstream)
    const path = '/api/conversations/search?status=unread&limit=50'
    const answers = Array.from({ length: 8 }, (_, tab) => get(server, path, `tab-${tab}-0000000`))
    await expect.poll(() => server.inbox.sharedRead.stats.shared).toBe(7)
    fake.flow()
    const bodies = await Promise.all(answers.map(async (answer) => ({ status: (await answer).status, body: await (await answer).json() })))
    expect(bodies.every(({ status }) => status === 200)).toBe(true)
    expect(new Set(bodies.map(({ body }) => JSON.stringify(body))).size).toBe(1)
    expect(fake.arrived).toHaveLength(1)
  })

  it('pushes a write through /api to a connected inbox with the changed fields and the tab that made it', async () => {
    const { upstream, client, ...location } = emulatorUpstream({ conversations: 20 })
    const server = await startWiredServer({ upstream, ...location })
    servers.push(server)
    const [row] = (await (await get(server, '/api/conversations/search?status=unread&limit=1')).json()).conversations as { id: string }[]
    if (!row) throw new Error('the emulator has an unread conversation')
    const stream = await fetch(`${server.origin}/_inbox/events`, { headers: { 'sec-fetch-site': 'same-origin' } })
    const reader = stream.body?.getReader()
    if (!reader) throw new Error('no stream')
    await readUntil(reader, '"type":"presence"')

    const write = await fetch(`${server.origin}/api/conversations/${row.id}`, appCall(server.origin, BOB, 'PUT', { unreadCount: 0 }))
    expect(write.status).toBe(200)
    const text = await readUntil(reader, `"by":"${BOB}"`)
    expect(text).toContain(`data: {"type":"conversation","patch":{"id":"${row.id}","unreadCount":0},"by":"${BOB}","id":"`)
    await reader.cancel()
    expect((await client.conversations({ id: row.id }))[0]).toMatchObject({ unreadCount: 0 })
  })

  it('never lets a stale search answer undo a write, in flight or lagging', async () => {
    const heldSearches: (() => void)[] = []
    let holdSearches = false
    const server = await start(async (request) => {
      if (request.method === 'PUT') return Response.json({ success: true })
      if (!holdSearches) return laggingSearch()
      return new Promise((resolve) => heldSearches.push(() => resolve(laggingSearch())))
    })
    const rows = async (response: Promise<Response>) => ((await (await response).json()) as { conversations: unknown[] }).conversations
    // A search records that the conversation belongs to the location, so the write is allowed.
    expect(await rows(get(server, `/api/conversations/search?id=${CONVERSATION}&limit=1`))).toMatchObject([{ unreadCount: 2 }])

    holdSearches = true
    const inFlight = get(server, '/api/conversations/search?limit=50')
    await expect.poll(() => heldSearches.length).toBe(1)
    const write = await fetch(`${server.origin}/api/conversations/${CONVERSATION}`, appCall(server.origin, BOB, 'PUT', { unreadCount: 0 }))
    expect(write.status).toBe(200)
    heldSearches[0]?.()
    // Asked before the write, answered after it with the old value: the written one shows.
    expect(await rows(inFlight)).toMatchObject([{ id: CONVERSATION, unreadCount: 0 }])
    holdSearches = false
    // Asked after the write, while HighLevel's search still lags behind it.
    expect(await rows(get(server, '/api/conversations/search?limit=50&status=all'))).toMatchObject([{ id: CONVERSATION, unreadCount: 0 }])
  })

  it("serves another tab's read before a flood from one tab (grants take turns)", async () => {
    const fake = heldUpstream(laggingSearch)
    const server = await start(fake.upstream, { limit: 2, windowMs: 1 })
    const flood = Array.from({ length: 10 }, (_, index) => get(server, `/api/conversations/search?query=flood${index}`, ANN))
    await expect.poll(() => server.inbox.gateway.pacer?.waiting).toBe(8)
    const read = get(server, '/api/conversations/search?query=reader', BOB)
    await expect.poll(() => server.inbox.gateway.pacer?.waiting).toBe(9)
    fake.flow()
    await Promise.all([read, ...flood])
    const order = fake.arrived.map((request) => new URL(request.url).searchParams.get('query'))
    expect(order.slice(0, 2)).toEqual(['flood0', 'flood1'])
    // The first token to come back goes to the tab that has not been served yet.
    expect(order[2]).toBe('reader')
  })
})
