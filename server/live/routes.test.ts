import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHub, type LiveHub } from './hub.ts'
import { createMemoryPresence, type PresenceStore } from './presence.ts'
import { createLiveRoutes, type LiveRoutesOptions } from './routes.ts'
import type { ViewWatcher } from './view-watcher.ts'

const ORIGIN = 'http://127.0.0.1:4173'
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' }
const ANN = { clientId: 'tab-ann-0001', name: 'Ann', viewing: 'conv0001' }

type Reader = ReadableStreamDefaultReader<Uint8Array>

/** Reads the stream until its text so far contains `wanted`. */
async function readUntil(reader: Reader, wanted: string, text = { value: '' }): Promise<string> {
  const decoder = new TextDecoder()
  while (!text.value.includes(wanted)) {
    const chunk = await reader.read()
    if (chunk.done) throw new Error(`stream ended before "${wanted}"; got ${JSON.stringify(text.value)}`)
    text.value += decoder.decode(chunk.value)
  }
  return text.value
}

describe('createLiveRoutes', () => {
  let hub: LiveHub
  let presence: PresenceStore

  beforeEach(() => {
    vi.useFakeTimers()
    hub = createMemoryHub({ epoch: 'e1' })
    presence = createMemoryPresence()
  })
  afterEach(() => {
    presence.close()
    vi.useRealTimers()
  })

  const routes = (extra: Partial<LiveRoutesOptions> = {}) => createLiveRoutes({ hub, presence, ...extra })
  const connect = async (app = routes(), headers: Record<string, string> = SAME_ORIGIN, path = '/events') => {
    const controller = new AbortController()
    const response = await app.request(`${ORIGIN}${path}`, { headers, signal: controller.signal })
    return { response, controller, reader: response.body?.getReader() as Reader }
  }
  const postPresence = (app: ReturnType<typeof routes>, body: unknown, headers: Record<string, string> = {}) =>
    app.request(`${ORIGIN}/presence`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  describe('GET /events', () => {
    it('streams Server-Sent Events: retry hint, presence snapshot, then events with ids', async () => {
      const { response, reader } = await connect()
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('no-store')
      hub.publish({ type: 'conversation', patch: { id: 'conv0001', starred: true } })
      expect(await readUntil(reader, 'starred')).toBe(
        'retry: 3000\n\n' +
          'data: {"type":"presence","present":[]}\n\n' +
          'id: e1-1\ndata: {"type":"conversation","patch":{"id":"conv0001","starred":true},"id":"e1-1"}\n\n',
      )
    })

    it('sends a heartbeat comment while idle', async () => {
      const { reader } = await connect(routes({ heartbeatMs: 15_000 }))
      const text = { value: '' }
      await readUntil(reader, '"present":[]}\n\n', text)
      vi.advanceTimersByTime(15_000)
      expect(await readUntil(reader, ': ping\n\n', text)).toMatch(/: ping\n\n$/)
    })

    it.each([
      ['the Last-Event-ID header', { ...SAME_ORIGIN, 'last-event-id': 'e1-1' }, '/events'],
      ['the lastEventId parameter of a new EventSource', SAME_ORIGIN, '/events?lastEventId=e1-1'],
    ])('catches a reconnecting client up from %s', async (_name, headers, path) => {
      hub.publish({ type: 'bulk', jobId: 'job1', state: 'running', done: 1, failed: 0, total: 3 })
      hub.publish({ type: 'bulk', jobId: 'job1', state: 'running', done: 2, failed: 0, total: 3 })
      const { reader } = await connect(routes(), headers, path)
      const text = await readUntil(reader, '"present"')
      expect(text).toContain('id: e1-2\n')
      expect(text).not.toContain('id: e1-1\n')
      expect(text.indexOf('e1-2')).toBeLessThan(text.indexOf('"present"'))
    })

    it('tells a client too far behind to resync', async () => {
      const { reader } = await connect(routes(), { ...SAME_ORIGIN, 'last-event-id': 'e0-7' })
      expect(await readUntil(reader, 'resync')).toContain('id: e1-0\ndata: {"type":"resync","id":"e1-0"}\n\n')
    })

    it('unsubscribes and frees its connection when the browser goes away', async () => {
      const app = routes({ maxConnections: 1 })
      const first = await connect(app)
      expect(hub.subscribers).toBe(1)
      expect((await connect(app)).response.status).toBe(503)
      first.controller.abort()
      expect(hub.subscribers).toBe(0)
      await readUntil(first.reader, '"present"')
      expect((await first.reader.read()).done).toBe(true)
      const second = await connect(app)
      expect(second.response.status).toBe(200)
      await second.reader.cancel()
      expect(hub.subscribers).toBe(0)
      expect((await connect(app)).response.status).toBe(200)
    })

    it('drops a client that stops reading instead of queueing for it without end', async () => {
      await connect(routes({ maxQueuedFrames: 3 }))
      await connect(routes({ maxQueuedFrames: 100 }))
      for (let n = 0; n < 6; n += 1) hub.publish({ type: 'resync' })
      expect(hub.subscribers).toBe(1)
    })

    it.each(['cross-site', 'same-site', 'none'])('refuses a request the browser marks %s', async (site) => {
      expect((await connect(routes(), { 'sec-fetch-site': site })).response.status).toBe(403)
    })

    it('without Sec-Fetch-Site, refuses an Origin other than its own host', async () => {
      expect((await connect(routes(), { origin: 'https://evil.example' })).response.status).toBe(403)
      expect((await connect(routes(), { origin: 'null' })).response.status).toBe(403)
      expect((await connect(routes(), { origin: ORIGIN })).response.status).toBe(200)
      expect((await connect(routes(), {})).response.status).toBe(200)
    })
  })

  describe('POST /presence', () => {
    it('records the tab and pushes the new presence to open streams', async () => {
      const app = routes()
      const { reader } = await connect(app)
      const text = { value: '' }
      await readUntil(reader, '"present":[]', text)
      expect((await postPresence(app, ANN)).status).toBe(204)
      expect(presence.list()).toEqual([ANN])
      expect(await readUntil(reader, 'Ann', text)).toContain(`data: {"type":"presence","present":[${JSON.stringify(ANN)}]}\n\n`)
    })

    it('passes the views the tab shows to the watcher, and forgets them when it leaves', async () => {
      const watched: unknown[] = []
      const watcher = {
        watch: (clientId: string, keys: readonly string[]) => watched.push(['watch', clientId, keys]),
        forget: (clientId: string) => watched.push(['forget', clientId]),
      } as unknown as ViewWatcher
      const app = routes({ watcher })
      await postPresence(app, { ...ANN, watching: ['limit=50'] })
      expect((await postPresence(app, { clientId: ANN.clientId, leaving: true })).status).toBe(204)
      expect(presence.list()).toEqual([])
      expect(watched).toEqual([['watch', ANN.clientId, ['limit=50']], ['forget', ANN.clientId]])
    })

    it.each([
      ['no client id', { name: 'Ann' }],
      ['a malformed conversation id', { ...ANN, viewing: '../x' }],
      ['a name longer than 100 characters', { ...ANN, name: 'x'.repeat(101) }],
      ['too many watched views', { ...ANN, watching: Array.from({ length: 9 }, (_, n) => `limit=${n + 1}`) }],
      ['no JSON', '{'],
    ])('refuses a heartbeat with %s', async (_name, body) => {
      expect((await postPresence(routes(), body)).status).toBe(400)
      expect(presence.list()).toEqual([])
    })

    it('refuses a body that is not declared JSON, as a cross-site form would send', async () => {
      expect((await postPresence(routes(), ANN, { 'content-type': 'text/plain' })).status).toBe(415)
    })

    it('refuses an oversized body', async () => {
      expect((await postPresence(routes(), { ...ANN, padding: 'x'.repeat(5000) })).status).toBe(413)
    })

    it('answers 503 when presence is full', async () => {
      presence = createMemoryPresence({ maxEntries: 0 })
      expect((await postPresence(routes(), ANN)).status).toBe(503)
    })
  })
})
