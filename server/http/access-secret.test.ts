import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { testServer } from '../test-support/test-server.ts'
import { accessSecret } from './access-secret.ts'

const SECRET = 'correct-horse-battery-staple'

function basic(user: string, password: string): { authorization: string } {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }
}

describe('the access secret', () => {
  it('asks every request for it, pages and API alike', async () => {
    const { request, upstream } = testServer({ accessSecret: SECRET })
    for (const path of ['/', '/config.json', '/api/users/']) {
      const response = await request(path)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="highlevel-inbox", charset="UTF-8"')
    }
    expect(upstream.requests).toHaveLength(0)
  })

  it('accepts any user name with the right secret and never forwards it', async () => {
    const { request, upstream } = testServer({ accessSecret: SECRET })
    expect((await request('/config.json', { headers: basic('anyone', SECRET) })).status).toBe(200)
    expect((await request('/api/users/', { headers: basic('', SECRET) })).status).toBe(200)
    expect(upstream.requests[0]?.headers.get('authorization')).toMatch(/^Bearer /)
  })

  it.each([
    basic('anyone', 'wrong'),
    basic('anyone', `${SECRET}x`),
    basic(SECRET, ''),
    { authorization: `Bearer ${SECRET}` },
    { authorization: 'Basic !!!' },
  ])('refuses %j', async (headers) => {
    expect((await testServer({ accessSecret: SECRET }).request('/config.json', { headers })).status).toBe(401)
  })
})

describe('wrong guesses', () => {
  function guesser() {
    let now = 0
    const app = new Hono()
    app.use(accessSecret(SECRET, { now: () => now }))
    app.get('/', () => new Response('in'))
    const guess = async (password: string) => (await app.fetch(new Request('http://127.0.0.1:4173/', { headers: basic('x', password) }))).status
    return { guess, advance: (ms: number) => (now += ms) }
  }

  it('are slowed per client: after five, each further one waits longer, the right secret too', async () => {
    const { guess, advance } = guesser()
    const answers: number[] = []
    for (let i = 0; i < 30; i += 1) answers.push(await guess(`wrong-${i}`))
    expect(answers.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401])
    expect(answers.slice(6).every((status) => status === 429)).toBe(true)
    expect(await guess(SECRET)).toBe(429)
    advance(1000)
    expect(await guess('wrong-again')).toBe(401)
    advance(1999)
    expect(await guess(SECRET)).toBe(429)
    advance(1)
    expect(await guess(SECRET)).toBe(200)
    // Success forgets the failures.
    for (let i = 0; i < 5; i += 1) expect(await guess(`wrong-${i}`)).toBe(401)
  })

  it('never wait more than a minute', async () => {
    const { guess, advance } = guesser()
    for (let i = 0; i < 20; i += 1) {
      await guess('wrong')
      advance(60_000)
    }
    expect(await guess(SECRET)).toBe(200)
  })

  it('do not count a first visit without credentials', async () => {
    const app = new Hono()
    app.use(accessSecret(SECRET))
    app.get('/', () => new Response('in'))
    for (let i = 0; i < 10; i += 1) expect((await app.fetch(new Request('http://127.0.0.1:4173/'))).status).toBe(401)
    expect((await app.fetch(new Request('http://127.0.0.1:4173/', { headers: basic('x', SECRET) }))).status).toBe(200)
  })
})
