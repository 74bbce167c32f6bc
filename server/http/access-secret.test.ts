import { describe, expect, it } from 'vitest'
import { testServer } from '../test-support/test-server.ts'

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
