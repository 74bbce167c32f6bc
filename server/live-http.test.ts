import type { IncomingMessage, Server } from 'node:http'
import { connect } from 'node:net'
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
    if (request.url?.includes('query=html')) {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end('<script>alert(document.domain)</script>')
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

async function setUp(overrides: Partial<ServerOptions> = {}, limits: Parameters<typeof startInboxServer>[1] = {}) {
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
  }, limits)
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

  it('refuses smuggled query keys on the raw request line and forwards none of them', async () => {
    const { origin, seen } = await setUp()
    const probes = ['locationId[]=other', 'locationId%5B0%5D=other', 'locationId[$ne]=x', 'LocationID=other', 'status[$gt]=']
    for (const probe of probes) {
      const answer = await rawRequest(origin, `/api/conversations/search?${probe}`, APP)
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 400, message: expect.stringContaining('Unknown query parameter') })
    }
    expect(seen).toHaveLength(0)
  })

  it('never serves an upstream HTML page on our origin', async () => {
    const { origin } = await setUp()
    const answer = await rawRequest(origin, '/api/conversations/search?query=html', APP)
    expect(answer.status).toBe(502)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.body).not.toContain('<script>')
  })

  it('refuses requests through a proxy when the server has no sign-in', async () => {
    const { origin, seen } = await setUp()
    const answer = await rawRequest(origin, '/api/users/', { ...APP, 'x-forwarded-for': '203.0.113.7' })
    expect(answer.status).toBe(403)
    expect(answer.body).toContain('ACCESS_SECRET')
    expect(seen).toHaveLength(0)
  })

  it('closes a connection that sends its headers too slowly (headersTimeout)', async () => {
    const { origin } = await setUp({}, { headersTimeout: 200, requestTimeout: 300 })
    const { hostname, port } = new URL(origin)
    const socket = connect(Number(port), hostname)
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.write('GET /config.json HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    await new Promise<void>((resolve) => socket.on('close', () => resolve()))
    expect(received).toMatch(/^HTTP\/1\.1 408/)
  })

  it('accepts no more connections than maxConnections', async () => {
    const { origin } = await setUp({}, { maxConnections: 1 })
    const { hostname, port } = new URL(origin)
    const first = connect(Number(port), hostname)
    await new Promise<void>((resolve) => first.on('connect', () => resolve()))
    const second = connect(Number(port), hostname)
    await new Promise<void>((resolve) => second.on('close', () => resolve()))
    expect(first.destroyed).toBe(false)
    first.destroy()
  })
})
