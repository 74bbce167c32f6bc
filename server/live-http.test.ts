import type { IncomingMessage, Server } from 'node:http'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { close, rawRequest, startFakeHighLevel, startInboxServer, unreachableOrigin, type FakeHandler } from './test-support/http-harness.ts'
import { LOCATION_ID, TOKEN, fakeDist } from './test-support/test-server.ts'
import type { ServerOptions } from './create-server.ts'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map(close))
})

const SEARCH_BODY = JSON.stringify({ conversations: [{ id: 'c1', fullName: 'Ada' }], total: 1 })

/** What the app's calls carry. */
const APP = { 'x-highlevel-inbox': '1' }
const HANG = '/api/conversations/search?query=hang'

/** Answers search gzipped with HighLevel's headers; never answers a search for `hang`. */
function fakeHighLevel(seen: IncomingMessage[], onHang: (request: IncomingMessage) => void): FakeHandler {
  return (request, response) => {
    seen.push(request)
    if (request.url?.includes('query=hang')) {
      onHang(request)
      return
    }
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'gzip',
      'x-ratelimit-remaining': '99',
      'set-cookie': 'hl_session=1',
    })
    response.end(gzipSync(SEARCH_BODY))
  }
}

async function setUp(overrides: Partial<ServerOptions> = {}) {
  const seen: IncomingMessage[] = []
  let hangArrived: (request: IncomingMessage) => void = () => {}
  const upstreamHangs = new Promise<IncomingMessage>((resolve) => (hangArrived = resolve))
  const upstreamClosed = upstreamHangs.then((request) => new Promise<void>((resolve) => request.socket.on('close', resolve)))
  const highLevel = await startFakeHighLevel(fakeHighLevel(seen, (request) => hangArrived(request)))
  const logs: string[] = []
  const inbox = await startInboxServer({
    mode: 'live',
    location: { id: LOCATION_ID },
    token: TOKEN,
    apiBase: highLevel.origin,
    apiVersion: '2021-07-28',
    upstream: (request) => fetch(request),
    host: '127.0.0.1',
    port: 0,
    allowedHosts: ['127.0.0.1'],
    rateLimit: { limit: 100, windowMs: 10_000 },
    queueMax: 10,
    timeoutMs: 5_000,
    distDir: fakeDist(),
    log: (line) => logs.push(line),
    ...overrides,
  })
  servers.push(highLevel.server, inbox.server)
  return { origin: inbox.origin, seen, logs, upstreamHangs, upstreamClosed }
}

describe('the server on real sockets, in front of a fake HighLevel', () => {
  it('unpacks a compressed answer and sends correct content headers', async () => {
    const { origin, seen } = await setUp()
    const answer = await rawRequest(origin, '/api/conversations/search?limit=1', { ...APP, cookie: 'mine=1', authorization: 'Basic eDp5' })
    expect(answer.status).toBe(200)
    expect(answer.body).toBe(SEARCH_BODY)
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.headers['x-ratelimit-remaining']).toBe('99')
    expect(answer.headers['set-cookie']).toBeUndefined()
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(seen[0]?.headers.version).toBe('2021-07-28')
    expect(seen[0]?.headers.cookie).toBeUndefined()
    expect(seen[0]?.url).toBe(`/conversations/search?limit=1&locationId=${LOCATION_ID}`)
  })

  it('closes the upstream request when the browser goes away', async () => {
    const { origin, upstreamHangs, upstreamClosed } = await setUp()
    const browser = new AbortController()
    const pending = fetch(`${origin}${HANG}`, { headers: APP, signal: browser.signal }).catch(() => 'aborted')
    await upstreamHangs
    browser.abort()
    expect(await pending).toBe('aborted')
    await upstreamClosed
  })

  it('cuts off a hanging upstream with a 504 and closes its connection', async () => {
    const { origin, upstreamClosed } = await setUp({ timeoutMs: 50 })
    const answer = await rawRequest(origin, HANG, APP)
    expect(answer.status).toBe(504)
    expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 504, error: 'Gateway Timeout' })
    await upstreamClosed
  })

  it('answers 502 when HighLevel cannot be reached, and keeps running', async () => {
    const { origin } = await setUp({ apiBase: await unreachableOrigin() })
    const answer = await rawRequest(origin, '/api/users/', APP)
    expect(answer.status).toBe(502)
    expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 502, error: 'Bad Gateway' })
    expect((await rawRequest(origin, '/config.json')).status).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding) and an absolute request line', async () => {
    const { origin, seen } = await setUp()
    expect((await rawRequest(origin, '/api/users/', { host: 'rebound.evil.test' })).status).toBe(403)
    expect((await rawRequest(origin, 'http://rebound.evil.test/api/users/')).status).toBe(403)
    expect(seen).toHaveLength(0)
  })

  it('refuses dot segments and backslashes in the raw request line', async () => {
    const { origin, seen } = await setUp()
    for (const path of ['/api/conversations/../users/', '/api/x/%2e%2e/users/', '/api/users/.', '/api\\users/']) {
      expect((await rawRequest(origin, path)).status).toBe(400)
    }
    expect(seen).toHaveLength(0)
  })

  it('never shows the token in a response, header or log line', async () => {
    const { origin, logs } = await setUp({ apiBase: await unreachableOrigin() })
    const answers = await Promise.all(
      ['/', '/config.json', '/api/users/', '/api/nope', '/api/conversations/search?locationId=x'].map((path) =>
        rawRequest(origin, path, { ...APP, accept: 'text/html' })),
    )
    for (const answer of answers) {
      expect(answer.body).not.toContain(TOKEN)
      expect(JSON.stringify(answer.headers)).not.toContain(TOKEN)
    }
    expect(logs.length).toBeGreaterThan(0)
    expect(logs.join('\n')).not.toContain(TOKEN)
  })
})
