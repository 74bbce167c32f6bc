import { describe, expect, it } from 'vitest'
import { LOCATION_ID, recordingUpstream, testServer } from '../test-support/test-server.ts'
import { staysInLocation } from './location-guard.ts'

const CONVERSATION = 've9EPM428h8vShlRW1KT'

describe('staysInLocation', () => {
  it.each([
    [{ id: 'c1', locationId: LOCATION_ID }, true],
    [{ id: 'c1', locationId: 'other' }, false],
    [{ messages: { lastMessageId: 'm2', nextPage: false, messages: [{ id: 'm1', locationId: LOCATION_ID }] } }, true],
    [{ messages: { messages: [{ id: 'm1', locationId: LOCATION_ID }, { id: 'm2', locationId: 'other' }] } }, false],
    [{ messages: [{ id: 'm1', locationId: 'other' }] }, false],
    [{ id: 'c1' }, true],
    [{ templates: [{ id: 't1', locationId: LOCATION_ID }], totalCount: 1 }, true],
    [{ templates: [{ id: 't1', locationId: LOCATION_ID }, { id: 't2', locationId: 'other' }] }, false],
    [[], true],
  ])('%j → %s', (body, expected) => {
    expect(staysInLocation(body, LOCATION_ID)).toBe(expected)
  })
})

describe('the proxy, for answers fetched by id', () => {
  it('withholds a conversation of another location with 403', async () => {
    const upstream = recordingUpstream(() => Response.json({ id: 'c1', locationId: 'other', contactId: 'secret-contact' }))
    const response = await testServer({ upstream }).request(`/api/conversations/${CONVERSATION}`)
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('secret-contact')
  })

  it('passes a conversation of the pinned location', async () => {
    const upstream = recordingUpstream(() => Response.json({ id: 'c1', locationId: LOCATION_ID }))
    expect((await testServer({ upstream }).request(`/api/conversations/${CONVERSATION}`)).status).toBe(200)
  })

  it('leaves error answers alone', async () => {
    const upstream = recordingUpstream(() => Response.json({ statusCode: 404, message: 'Conversation not found' }, { status: 404 }))
    expect((await testServer({ upstream }).request(`/api/conversations/${CONVERSATION}/messages`)).status).toBe(404)
  })
})

describe('the proxy, for templates', () => {
  it('withholds a templates page that names another location', async () => {
    const upstream = recordingUpstream(() => Response.json({ templates: [{ id: 't1', locationId: 'other', template: { body: 'secret' } }] }))
    const response = await testServer({ upstream }).request(`/api/locations/${LOCATION_ID}/templates?type=sms`)
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('secret')
  })
})
