import { describe, expect, it } from 'vitest'
import { createTestClient } from './test-client'

const client = createTestClient({ conversations: 20 })
const { location, other } = client
interface Template {
  id: string
  name: string
  type: string
  locationId: string
  dateAdded: string
  template: { body?: string; subject?: string; html?: string }
}
const list = async (params: Record<string, string>, locationId = location.id) => {
  const response = await client.get(`/locations/${locationId}/templates?${new URLSearchParams(params)}`)
  return { status: response.status, body: response.body as { templates: Template[]; totalCount: number } & Record<string, unknown> }
}

describe('GET /locations/{locationId}/templates', () => {
  it('lists SMS templates with template.body and email templates with subject and html, with placeholders', async () => {
    const sms = await list({ originId: location.id, type: 'sms' })
    expect(sms.status).toBe(200)
    expect(sms.body.templates.length).toBeGreaterThan(3)
    expect(sms.body.totalCount).toBe(sms.body.templates.length)
    for (const template of sms.body.templates) {
      expect(template).toMatchObject({ type: 'sms', locationId: location.id, template: { body: expect.any(String) } })
      expect(Number.isNaN(Date.parse(template.dateAdded))).toBe(false)
    }
    const email = await list({ originId: location.id, type: 'email' })
    for (const template of email.body.templates) {
      expect(template).toMatchObject({ type: 'email', template: { subject: expect.any(String), html: expect.stringContaining('<p>') } })
    }
    const text = JSON.stringify([...sms.body.templates, ...email.body.templates])
    for (const placeholder of ['{{contact.first_name}}', '{{contact.name}}', '{{user.name}}', '{{location.name}}']) expect(text).toContain(placeholder)
  })

  it('lists every type without `type`, newest first, the same every time', async () => {
    const all = await list({ originId: location.id })
    const types = new Set(all.body.templates.map((template) => template.type))
    expect(types).toEqual(new Set(['sms', 'email', 'whatsapp']))
    const dates = all.body.templates.map((template) => template.dateAdded)
    expect(dates).toEqual([...dates].sort().reverse())
    expect((await list({ originId: location.id })).body).toEqual(all.body)
    expect((await list({ originId: location.id, deleted: 'true' })).body).toEqual({ templates: [], totalCount: 0 })
  })

  it('pages with skip and limit; totalCount counts them all', async () => {
    const all = (await list({ originId: location.id })).body
    const first = (await list({ originId: location.id, limit: '4' })).body
    const second = (await list({ originId: location.id, limit: '4', skip: '4' })).body
    expect(first.templates).toEqual(all.templates.slice(0, 4))
    expect(second.templates).toEqual(all.templates.slice(4, 8))
    expect(second.totalCount).toBe(all.totalCount)
    expect((await list({ originId: location.id, skip: String(all.totalCount) })).body.templates).toEqual([])
  })

  it.each<[Record<string, string>, string[]]>([
    [{}, ['originId should not be empty']],
    [{ originId: '' }, ['originId should not be empty']],
    [{ originId: 'x', type: 'fax' }, ['type must be one of the following values: sms, email, whatsapp']],
    [{ originId: 'x', skip: '-1', limit: 'ten' }, ['skip must be a number string', 'limit must be a number string']],
    [{ originId: 'x', deleted: 'maybe' }, ['deleted must be a boolean value']],
    [{ originId: 'x', page: '2' }, ['property page should not exist']],
  ])('answers 422 for %j', async (params, message) => {
    const response = await list(params)
    expect(response.status).toBe(422)
    expect(response.body).toEqual({ statusCode: 422, message, error: 'Unprocessable Entity' })
  })

  it('answers 403 for another location’s templates, and serves that location with its own token', async () => {
    expect((await list({ originId: other.id }, other.id)).status).toBe(403)
    const own = await client.get(`/locations/${other.id}/templates?originId=${other.id}`, { authorization: `Bearer ${other.token}` })
    expect(own.status).toBe(200)
    expect((own.body.templates as Template[]).every((template) => template.locationId === other.id)).toBe(true)
  })
})
