import { describe, expect, it } from 'vitest'
import { LOCATION_ID, TOKEN, recordingUpstream, testServer } from '../test-support/test-server.ts'

const CONVERSATION = 've9EPM428h8vShlRW1KT'

/** An upstream that never answers and ignores its signal, like a stuck emulator or server. */
function hangingUpstream() {
  const seen: Request[] = []
  let announce: (request: Request) => void = () => {}
  const firstCall = new Promise<Request>((resolve) => (announce = resolve))
  const upstream = (request: Request): Promise<Response> => {
    seen.push(request)
    announce(request)
    return new Promise<Response>(() => {})
  }
  return Object.assign(upstream, { seen, firstCall })
}

describe('the proxy', () => {
  it('replaces the browser headers with its own: no browser Authorization or cookies reach HighLevel', async () => {
    const upstream = recordingUpstream()
    const { request } = testServer({ upstream, allowUnauthenticated: true })
    await request('/api/conversations/search', {
      headers: { authorization: 'Basic dXNlcjpzZWNyZXQ=', cookie: 'session=abc', 'x-forwarded-for': '10.0.0.1', version: '1999-01-01' },
    })
    const sent = upstream.requests[0]
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(sent?.headers.get('version')).toBe('2021-07-28')
    expect(sent?.headers.get('cookie')).toBeNull()
    expect(sent?.headers.get('x-forwarded-for')).toBeNull()
    expect(sent?.method).toBe('GET')
  })

  it('passes the other query parameters through unchanged', async () => {
    const upstream = recordingUpstream()
    const { request } = testServer({ upstream })
    await request('/api/conversations/search?query=a%20b%26c&assignedTo=u1,u2&startAfterDate=1700000000000')
    const query = new URL(upstream.requests[0]?.url ?? '').searchParams
    expect(query.get('query')).toBe('a b&c')
    expect(query.get('assignedTo')).toBe('u1,u2')
    expect(query.get('startAfterDate')).toBe('1700000000000')
    expect(query.getAll('locationId')).toEqual([LOCATION_ID])
  })

  it('accepts the pinned location and refuses any other with 403 before calling upstream', async () => {
    const upstream = recordingUpstream()
    const { request } = testServer({ upstream })
    expect((await request(`/api/conversations/search?locationId=${LOCATION_ID}`)).status).toBe(200)
    for (const query of ['locationId=other', `locationId=${LOCATION_ID}&locationId=other`, 'locationId=', `locationId=${LOCATION_ID.toUpperCase()}`]) {
      const response = await request(`/api/conversations/search?${query}`)
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' })
    }
    expect((await request(`/api/conversations/${CONVERSATION}?locationId=other`)).status).toBe(403)
    expect(upstream.requests).toHaveLength(1)
  })

  it('does not add locationId where HighLevel does not take one', async () => {
    const upstream = recordingUpstream()
    const { request } = testServer({ upstream })
    await request(`/api/conversations/${CONVERSATION}/messages?limit=20&locationId=${LOCATION_ID}`)
    expect(upstream.requests[0]?.url).toBe(`https://services.example.test/conversations/${CONVERSATION}/messages?limit=20`)
  })

  it.each([
    ['GET', '/api/contacts/'],
    ['GET', '/api/users'],
    ['GET', '/api/conversations/search/'],
    ['GET', '/api/conversations/a%2Fb'],
    ['GET', '/api/conversations/a%2e%2e'],
    ['GET', '/api//services.evil.test/users/'],
    ['GET', '/api/http://evil.test/users/'],
    ['POST', '/api/conversations/search'],
    ['PUT', '/api/conversations/abc'],
    ['DELETE', `/api/conversations/${CONVERSATION}`],
    ['PATCH', `/api/contacts/${CONVERSATION}`],
    ['HEAD', '/api/users/'],
    ['GET', '/api/conversations/messages'],
    ['GET', `/api/locations/${CONVERSATION}/templates`],
  ])('refuses %s %s without calling upstream', async (method, path) => {
    const upstream = recordingUpstream()
    const { request } = testServer({ upstream })
    const response = await request(path, { method })
    expect([403, 404, 405]).toContain(response.status)
    if (method !== 'HEAD') expect(await response.json()).toHaveProperty('statusCode', response.status)
    expect(upstream.requests).toHaveLength(0)
  })

  it.each([
    [401, { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' }],
    [422, { statusCode: 422, message: ['status must be one of all, read'], error: 'Unprocessable Entity' }],
    [429, { statusCode: 429, message: 'Too Many Requests' }],
    [500, { statusCode: 500, message: 'Internal Server Error' }],
    [503, { statusCode: 503, message: 'Service Unavailable' }],
  ])('passes a %i through with its body and rate-limit headers', async (status, body) => {
    const upstream = recordingUpstream(() => Response.json(body, {
      status,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-max': '100',
        'x-ratelimit-interval-milliseconds': '10000',
        'retry-after': '3',
        'set-cookie': 'hl=1',
        'x-powered-by': 'Express',
      },
    }))
    const { request } = testServer({ upstream })
    const response = await request('/api/conversations/search')
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual(body)
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(response.headers.get('x-ratelimit-max')).toBe('100')
    expect(response.headers.get('retry-after')).toBe('3')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('turns an upstream redirect into a 502 instead of following or passing it on', async () => {
    const upstream = recordingUpstream(() => new Response(null, { status: 302, headers: { location: 'https://evil.test/' } }))
    const response = await testServer({ upstream }).request('/api/users/')
    expect(response.status).toBe(502)
    expect(response.headers.get('location')).toBeNull()
  })

  it('blanks the token if an upstream ever echoes it', async () => {
    const upstream = recordingUpstream((sent) => Response.json({ echoed: sent.headers.get('authorization') }))
    const response = await testServer({ upstream }).request('/api/users/')
    expect(await response.text()).toBe('{"echoed":"Bearer [redacted]"}')
  })

  it('cuts a hanging upstream off after the timeout with a 504 and aborts its request', async () => {
    const upstream = hangingUpstream()
    const response = await testServer({ upstream, timeoutMs: 20 }).request('/api/conversations/search')
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({ statusCode: 504, message: 'HighLevel did not answer within 20 ms', error: 'Gateway Timeout' })
    expect(upstream.seen[0]?.signal.aborted).toBe(true)
  })

  it('aborts the upstream request when the browser abandons it', async () => {
    const upstream = hangingUpstream()
    const { request } = testServer({ upstream, timeoutMs: 60_000 })
    const browser = new AbortController()
    const pending = request('/api/conversations/search', { signal: browser.signal })
    const sent = await upstream.firstCall
    expect(sent.signal.aborted).toBe(false)
    browser.abort()
    expect((await pending).status).toBe(499)
    expect(sent.signal.aborted).toBe(true)
  })

  it('answers 502 when the upstream cannot be reached', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    const upstream = recordingUpstream(() => Promise.reject(new TypeError('fetch failed', { cause: refused })))
    const response = await testServer({ upstream }).request('/api/users/')
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({
      statusCode: 502,
      message: 'Could not reach HighLevel at https://services.example.test (ECONNREFUSED)',
      error: 'Bad Gateway',
    })
  })

  it('queues beyond the rate and answers its own 429 when the queue is full', async () => {
    const upstream = hangingUpstream()
    const { request } = testServer({ upstream, rateLimit: { limit: 2, windowMs: 10_000 }, queueMax: 1 })
    // Different searches: identical ones in flight would share one call (the shared read).
    const search = (query: string) => request(`/api/conversations/search?query=${query}`)
    void search('a')
    void search('b')
    void search('c')
    const refused = await search('d')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('10')
    expect(await refused.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' })
    expect(upstream.seen).toHaveLength(2)
  })

  it("holds every call after HighLevel's own 429 instead of sending more into it", async () => {
    const upstream = recordingUpstream(() => Response.json({ statusCode: 429 }, { status: 429, headers: { 'retry-after': '5' } }))
    const { request } = testServer({ upstream, rateLimit: { limit: 100, windowMs: 10_000 }, queueMax: 0 })
    expect((await request('/api/users/')).status).toBe(429)
    const held = await request('/api/users/')
    expect(held.status).toBe(429)
    expect(await held.json()).toMatchObject({ message: expect.stringContaining('waiting for HighLevel') })
    expect(upstream.requests).toHaveLength(1)
  })

  it('lets one client hold at most half the queue, so others still get in', async () => {
    const upstream = hangingUpstream()
    const { request } = testServer({ upstream, allowUnauthenticated: true, rateLimit: { limit: 1, windowMs: 10_000 }, queueMax: 4 })
    const from = (address: string) => ({ headers: { 'x-forwarded-for': `198.51.100.1, ${address}` } })
    const search = (query: string, address: string) => request(`/api/conversations/search?query=${query}`, from(address))
    void search('a', '10.0.0.1')
    void search('b', '10.0.0.1')
    void search('c', '10.0.0.1')
    expect((await search('d', '10.0.0.1')).status).toBe(429)
    const other = await Promise.race([
      search('e', '10.0.0.2').then((response) => response.status),
      new Promise((resolve) => setImmediate(() => resolve('queued'))),
    ])
    expect(other).toBe('queued')
    expect(upstream.seen).toHaveLength(1)
  })
})
