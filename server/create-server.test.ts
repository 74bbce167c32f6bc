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
})
