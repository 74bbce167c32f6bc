import { describe, expect, it } from 'vitest'
import { LOCATION_ID, TOKEN, recordingUpstream, testServer } from './test-support/test-server.ts'

describe('createServer', () => {
  it('serves /config.json with the mode and location and no secret', async () => {
    const { request } = testServer()
    const response = await request('/config.json')
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      mode: 'live',
      locationId: LOCATION_ID,
      locationName: 'Test Location',
      appUrl: 'https://app.example.test',
      readOnly: false,
    })
    expect(text).not.toContain(TOKEN)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('forwards an allowed search with the token, version and pinned location', async () => {
    const upstream = recordingUpstream()
    const { request } = testServer({ upstream })
    const response = await request('/api/conversations/search?limit=50&status=unread')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ conversations: [], total: 0 })
    const sent = upstream.requests[0]
    expect(sent?.url).toBe(`https://services.example.test/conversations/search?limit=50&status=unread&locationId=${LOCATION_ID}`)
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(sent?.headers.get('version')).toBe('2021-07-28')
  })

  it('forwards /api/users/ with the location', async () => {
    const upstream = recordingUpstream(() => Response.json({ users: [] }))
    const { request } = testServer({ upstream })
    expect((await request('/api/users/')).status).toBe(200)
    expect(upstream.requests[0]?.url).toBe(`https://services.example.test/users/?locationId=${LOCATION_ID}`)
  })

  it.each(['cross-site', 'same-site'])('refuses API calls a %s page makes the browser send', async (site) => {
    const upstream = recordingUpstream()
    const response = await testServer({ upstream }).request('/api/users/', { headers: { 'sec-fetch-site': site } })
    expect(response.status).toBe(403)
    expect(upstream.requests).toHaveLength(0)
  })

  it('serves its own pages and typed URLs', async () => {
    const { request } = testServer()
    expect((await request('/api/users/', { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200)
    expect((await request('/api/users/', { headers: { 'sec-fetch-site': 'none' } })).status).toBe(200)
  })

  it('forwards /_emulator/* unchanged to the emulator in emulator mode only, without credentials', async () => {
    const control = recordingUpstream(() => Response.json({ ok: true }))
    const emulator = testServer({ mode: 'emulator', emulatorControl: control })
    const response = await emulator.request('/_emulator/reset?seed=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'a=1' },
      body: '{"conversations":10}',
    })
    expect(response.status).toBe(200)
    const sent = control.requests[0]
    expect(sent?.url).toBe('http://emulator.local/_emulator/reset?seed=1')
    expect(sent?.method).toBe('POST')
    expect(await sent?.text()).toBe('{"conversations":10}')
    expect(sent?.headers.get('cookie')).toBeNull()

    const live = testServer({ mode: 'live' })
    expect((await live.request('/_emulator/reset', { method: 'POST' })).status).toBe(404)
  })

  it("serves nothing kept from before an emulator control changed the data", async () => {
    const control = recordingUpstream(() => Response.json({ ok: true }))
    const upstream = recordingUpstream()
    const { request } = testServer({ mode: 'emulator', emulatorControl: control, upstream })
    const search = (tab: string) => request('/api/conversations/search?limit=50', { headers: { 'x-highlevel-inbox-client': tab } })
    await search('tab-ann-00000001')
    await search('tab-bob-00000001')
    expect(upstream.requests).toHaveLength(1)
    await request('/_emulator/dataset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"conversations":10}' })
    await search('tab-bob-00000001')
    expect(upstream.requests).toHaveLength(2)
  })

  it('logs one line per request without query strings or headers', async () => {
    const { request, logs } = testServer({ accessSecret: 'correct-horse-battery-staple' })
    await request('/api/conversations/search?query=jane%40example.com', {
      headers: { authorization: `Basic ${Buffer.from('x:correct-horse-battery-staple').toString('base64')}` },
    })
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatch(/^GET \/api\/conversations\/search 200 \d+ms$/)
  })
})
