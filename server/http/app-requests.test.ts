import { describe, expect, it } from 'vitest'
import { memoryJobs, ORIGIN, testServer } from '../test-support/test-server.ts'

/** The push stream's status; the stream itself never ends, so it is closed at once. */
async function streamStatus(response: Response): Promise<number> {
  await response.body?.cancel()
  return response.status
}

describe("the app's own requests only, on /api and /_inbox", () => {
  it('refuses /api and /_inbox calls without the marker header, before they spend anything', async () => {
    const { bare, upstream } = testServer({ jobs: await memoryJobs() })
    for (const path of ['/api/conversations/search', '/api/users/', '/_inbox/jobs', '/_inbox/presence']) {
      const response = await bare(path, { method: path.startsWith('/_inbox') ? 'POST' : 'GET', headers: { origin: ORIGIN } })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ message: expect.stringContaining('X-HighLevel-Inbox: 1') })
    }
    expect(upstream.requests).toHaveLength(0)
  })

  it('serves the marked calls, and the rest of the site without the marker', async () => {
    const { request, bare } = testServer({ jobs: await memoryJobs() })
    expect((await request('/api/users/')).status).toBe(200)
    expect(await (await request('/_inbox/jobs')).json()).toEqual({ jobs: [], setAside: [] })
    // Past the checks: the job routes judge the body.
    expect((await request('/_inbox/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(400)
    expect((await bare('/config.json')).status).toBe(200)
    expect((await bare('/', { headers: { accept: 'text/html' } })).status).toBe(200)
  })

  it('answers 404 for the jobs without a runner, and for paths that are no endpoint', async () => {
    expect((await testServer().request('/_inbox/jobs')).status).toBe(404)
    expect((await testServer({ jobs: await memoryJobs() }).request('/_inbox/nothing')).status).toBe(404)
  })

  it('lets the push stream through without the marker, but not as an image or from another site', async () => {
    const { bare } = testServer()
    expect(await streamStatus(await bare('/_inbox/events'))).toBe(200)
    expect(await streamStatus(await bare('/_inbox/events', { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty' } }))).toBe(200)
    expect((await bare('/_inbox/events', { headers: { 'sec-fetch-dest': 'image' } })).status).toBe(403)
    expect((await bare('/_inbox/events', { headers: { origin: 'https://evil.example' } })).status).toBe(403)
    expect((await bare('/_inbox/events', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
  })

  it('refuses another Origin even where the browser sends no Sec-Fetch-Site (plain HTTP)', async () => {
    const { request, upstream } = testServer()
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:4174', 'http://127.0.0.1.evil.example:4173']) {
      expect((await request('/api/users/', { headers: { origin } })).status).toBe(403)
    }
    expect(upstream.requests).toHaveLength(0)
  })

  it('refuses a write without our Origin: a cross-site form cannot change anything', async () => {
    const { bare, upstream } = testServer()
    const body = JSON.stringify({ starred: true })
    const path = '/api/conversations/ve9EPM428h8vShlRW1KT'
    const noOrigin = await bare(path, { method: 'PUT', body, headers: { 'x-highlevel-inbox': '1', 'content-type': 'application/json' } })
    expect(noOrigin.status).toBe(403)
    expect(await noOrigin.json()).toMatchObject({ message: expect.stringContaining('Origin') })
    const form = await bare(path, { method: 'PUT', body, headers: { origin: 'https://evil.example', 'content-type': 'text/plain' } })
    expect(form.status).toBe(403)
    expect(upstream.requests).toHaveLength(0)
  })

  it('accepts our Origin over https behind a TLS proxy (same host, other scheme)', async () => {
    const { request } = testServer({ allowedHosts: ['inbox.example.com'], allowUnauthenticated: true })
    const response = await request('/api/users/', { headers: { host: 'inbox.example.com', origin: 'https://inbox.example.com' } })
    expect(response.status).toBe(200)
  })
})

describe('forwarding headers', () => {
  it.each(['x-forwarded-for', 'forwarded', 'x-real-ip'])('refuses %s without a sign-in, saying what to set', async (header) => {
    const { request, upstream } = testServer()
    const response = await request('/', { headers: { [header]: '203.0.113.9' } })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/ACCESS_SECRET.*ALLOW_UNAUTHENTICATED=1/) })
    expect(upstream.requests).toHaveLength(0)
  })

  it('accepts them behind a sign-in proxy (ALLOW_UNAUTHENTICATED=1)', async () => {
    const { request } = testServer({ allowUnauthenticated: true })
    expect((await request('/api/users/', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(200)
  })
})
