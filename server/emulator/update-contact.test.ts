import { describe, expect, it } from 'vitest'
import { UNASSIGNED } from '../../src/api/schemas/enums'
import { createTestClient, type TestClient } from './test-client'

const put = (client: TestClient, contactId: string, body: unknown) => client.write('PUT', `/contacts/${contactId}`, body)

/** A contact of the first location with `size` conversations. */
function contactWith(client: TestClient, size: number) {
  const rows = client.state.stores[0]?.rows ?? []
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.contactId, (counts.get(row.contactId) ?? 0) + 1)
  const contactId = [...counts].find(([, count]) => count === size)?.[0] ?? ''
  return { contactId, rows: rows.filter((row) => row.contactId === contactId) }
}
const activeUsers = (client: TestClient) => client.state.stores[0]?.location.users.filter((user) => !user.deleted) ?? []
const total = async (client: TestClient, params: Record<string, string>) => (await client.search(params)).body.total as number

describe('PUT /contacts/{contactId}', () => {
  it('assigns the contact: every one of its conversations moves, and the assignedTo filter follows at once', async () => {
    const client = createTestClient({ conversations: 400 })
    const { contactId, rows } = contactWith(client, 3)
    expect(rows).toHaveLength(3)
    const previous = rows[0]?.assignedTo ?? UNASSIGNED
    const target = activeUsers(client).find((user) => user.id !== rows[0]?.assignedTo)
    const userId = target?.id ?? ''
    const [previousCount, targetCount] = [await total(client, { assignedTo: previous }), await total(client, { assignedTo: userId })]

    const response = await put(client, contactId, { assignedTo: userId })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({
      succeded: true,
      contact: expect.objectContaining({ id: contactId, locationId: client.location.id, assignedTo: userId, phone: rows[0]?.phone, email: rows[0]?.email }),
    })
    expect(await total(client, { assignedTo: previous })).toBe(previousCount - 3)
    expect(await total(client, { assignedTo: userId })).toBe(targetCount + 3)
    const moved = (await client.conversations({ contactId, assignedTo: userId })) as { id: string }[]
    expect(moved.map((conversation) => conversation.id).sort()).toEqual(rows.map((row) => row.id).sort())
    for (const row of rows) expect((await client.get(`/conversations/${row.id}`)).body.assignedTo).toBe(userId)
  })

  it('unassigns with null: the conversations show under unassigned and carry no assignedTo', async () => {
    const client = createTestClient({ conversations: 400 })
    const { contactId, rows } = contactWith(client, 2)
    const userId = activeUsers(client)[0]?.id ?? ''
    await put(client, contactId, { assignedTo: userId })
    const unassigned = await total(client, { assignedTo: UNASSIGNED })
    const response = await put(client, contactId, { assignedTo: null })
    expect(response.status).toBe(200)
    expect(response.body.contact).toMatchObject({ id: contactId, assignedTo: null })
    expect(await total(client, { assignedTo: UNASSIGNED })).toBe(unassigned + 2)
    const found = (await client.conversations({ contactId, assignedTo: UNASSIGNED })) as Record<string, unknown>[]
    expect(found).toHaveLength(rows.length)
    expect(found.every((conversation) => !('assignedTo' in conversation))).toBe(true)
  })

  it('changes nothing for a body without assignedTo, and ignores the other UpdateContactDto fields', async () => {
    const client = createTestClient({ conversations: 100 })
    const { contactId, rows } = contactWith(client, 1)
    const before = rows[0]?.assignedTo ?? null
    for (const body of [{}, { firstName: 'Renamed', tags: ['vip'] }, '']) {
      const response = await put(client, contactId, body)
      expect(response.status).toBe(200)
      expect(response.body.contact).toMatchObject({ id: contactId, assignedTo: before, firstName: rows[0]?.firstName })
    }
  })

  it('refuses an assignee that is not an active user of the location, in the contact’s unchanged state', async () => {
    const client = createTestClient({ conversations: 100 })
    const { contactId, rows } = contactWith(client, 1)
    const before = rows[0]?.assignedTo
    const deleted = client.state.stores[0]?.location.users.find((user) => user.deleted)?.id
    const foreignUser = client.state.stores[1]?.location.users[0]?.id
    expect(deleted).toBeDefined()
    for (const assignedTo of [deleted, foreignUser, 'noSuchUser0000000000', '']) {
      const response = await put(client, contactId, { assignedTo })
      expect(response.status).toBe(422)
      expect(response.body).toEqual({ statusCode: 422, message: ['assignedTo must be the id of an active user of this location'], error: 'Unprocessable Entity' })
    }
    expect(rows[0]?.assignedTo).toBe(before)
  })

  it.each<[unknown, string[]]>([
    [{ assignedTo: 5 }, ['assignedTo must be a string']],
    [{ assignedTo: ['a'] }, ['assignedTo must be a string']],
    [{ locationId: 'x', assignedTo: null }, ['property locationId should not exist']],
    [{ owner: 'x', followers: [] }, ['property owner should not exist', 'property followers should not exist']],
    ['"text"', ['an unknown value was passed to the validate function']],
  ])('answers 422 in class-validator’s words for %j', async (body, message) => {
    const client = createTestClient({ conversations: 50 })
    const response = await put(client, contactWith(client, 1).contactId, body)
    expect(response.status).toBe(422)
    expect(response.body).toEqual({ statusCode: 422, message, error: 'Unprocessable Entity' })
  })

  it('answers 404 for an unknown contact and 403 for another location’s', async () => {
    const client = createTestClient({ conversations: 50 })
    const unknown = await put(client, 'noSuchContact0000000', { assignedTo: null })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ statusCode: 404, message: 'Contact not found', error: 'Not Found' })
    const foreign = client.state.stores[1]?.rows[0]
    const before = foreign?.assignedTo
    const response = await put(client, foreign?.contactId ?? '', { assignedTo: null })
    expect(response.status).toBe(403)
    expect(foreign?.assignedTo).toBe(before)
  })
})
