import { describe, expect, it } from 'vitest'
import { recordingUpstream, testServer } from '../test-support/test-server.ts'
import { passThrough } from './upstream-response.ts'

describe('answers reach the browser as JSON only', () => {
  it.each([
    [200, 'text/html; charset=utf-8', '<script>alert(1)</script>', 502],
    [503, 'text/html', '<h1>Bad gateway</h1>', 503],
    [200, 'text/plain', '{"conversations":[]}', 502],
    [200, null, '{"conversations":[]}', 502],
  ])('turns a %i %s answer into our own JSON error', async (status, type, body, expected) => {
    const upstream = recordingUpstream(() => new Response(body, { status, headers: type ? { 'content-type': type, 'retry-after': '2' } : {} }))
    const response = await testServer({ upstream }).request('/api/users/')
    expect(response.status).toBe(expected)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const text = await response.text()
    expect(text).not.toContain('<')
    expect(JSON.parse(text)).toMatchObject({ statusCode: expected, message: expect.stringContaining('instead of JSON') })
  })

  it('refuses a body that only claims to be JSON', async () => {
    const upstream = recordingUpstream(() => new Response('<html>', { headers: { 'content-type': 'application/json' } }))
    const response = await testServer({ upstream }).request('/api/users/')
    expect(response.status).toBe(502)
  })

  it('caps the size of an answer', async () => {
    const big = new Response(JSON.stringify({ users: 'x'.repeat(2000) }), { headers: { 'content-type': 'application/json' } })
    const { response } = await passThrough(big, { token: 't', guardLocation: undefined, maxBytes: 1000 })
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('larger than 1000 bytes') })
  })

  it('keeps a JSON error body, with HighLevel media types such as application/problem+json', async () => {
    const upstream = recordingUpstream(() => new Response('{"statusCode":422,"message":["bad"]}', { status: 422, headers: { 'content-type': 'application/problem+json' } }))
    const response = await testServer({ upstream }).request('/api/users/')
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ statusCode: 422, message: ['bad'] })
  })
})
