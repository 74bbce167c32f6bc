import { describe, expect, it } from 'vitest'
import { LOCATION_ID, recordingUpstream, testServer } from '../test-support/test-server.ts'

describe('query keys', () => {
  it.each([
    ['locationId[]=other', 'locationId[]'],
    ['locationId%5B0%5D=other', 'locationId[0]'],
    ['locationId[$ne]=x', 'locationId[$ne]'],
    ['LocationID=other', 'LocationID'],
    ['status[$gt]=', 'status[$gt]'],
    ['limit=5&bogus=1', 'bogus'],
    ['constructor=1', 'constructor'],
  ])('refuses %s with 400 naming the parameter, never forwarding it', async (query, name) => {
    const { request, upstream } = testServer()
    const response = await request(`/api/conversations/search?${query}`)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ statusCode: 400, message: expect.stringContaining(`"${name}"`) })
    expect(upstream.requests).toHaveLength(0)
  })

  it('refuses a known key given twice: every value is one string', async () => {
    const { request, upstream } = testServer()
    const response = await request('/api/conversations/search?status=read&status=unread')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ message: 'Query parameter "status" must be given once' })
    expect(upstream.requests).toHaveLength(0)
  })

  it('takes only the keys each route knows', async () => {
    const { request, upstream } = testServer()
    expect((await request('/api/users/?query=x')).status).toBe(400)
    expect((await request('/api/conversations/ve9EPM428h8vShlRW1KT?limit=1')).status).toBe(400)
    expect((await request('/api/conversations/ve9EPM428h8vShlRW1KT/messages?limit=20&lastMessageId=ve9EPM428h8vShlRW1KM')).status).toBe(200)
    expect((await request('/api/conversations/ve9EPM428h8vShlRW1KT/messages?lastMessageId=../x')).status).toBe(400)
    expect(upstream.requests).toHaveLength(1)
  })

  it('forwards a full search with only the known keys and the pinned location', async () => {
    const upstream = recordingUpstream()
    const { request } = testServer({ upstream })
    const query = 'query=ann&status=unread&assignedTo=u1,unassigned&sort=desc&sortBy=last_message_date&limit=50&startAfterDate=1700000000000,3'
    expect((await request(`/api/conversations/search?${query}`)).status).toBe(200)
    expect(new URL(upstream.requests[0]?.url ?? '').search).toBe(`?${query.replaceAll(',', '%2C')}&locationId=${LOCATION_ID}`)
  })
})

describe('templates', () => {
  it('forces originId to the location id and checks type, skip and limit', async () => {
    const upstream = recordingUpstream(() => Response.json({ templates: [], totalCount: 0 }))
    const { request } = testServer({ upstream })
    expect((await request(`/api/locations/${LOCATION_ID}/templates?type=email&skip=25&limit=25`)).status).toBe(200)
    expect(upstream.requests[0]?.url).toBe(
      `https://services.example.test/locations/${LOCATION_ID}/templates?type=email&skip=25&limit=25&originId=${LOCATION_ID}`,
    )
    for (const query of ['type=fax', 'skip=-1', 'limit=0', 'limit=101', 'limit=ten', 'deleted=true']) {
      expect((await request(`/api/locations/${LOCATION_ID}/templates?${query}`)).status).toBe(400)
    }
    expect((await request(`/api/locations/${LOCATION_ID}/templates?originId=${LOCATION_ID}`)).status).toBe(200)
    expect((await request(`/api/locations/${LOCATION_ID}/templates?originId=other1234`)).status).toBe(403)
    expect(upstream.requests).toHaveLength(2)
  })

  it("refuses another location's templates before asking", async () => {
    const { request, upstream } = testServer()
    const response = await request('/api/locations/otherLocation123/templates?type=sms')
    expect(response.status).toBe(403)
    expect(upstream.requests).toHaveLength(0)
  })
})
