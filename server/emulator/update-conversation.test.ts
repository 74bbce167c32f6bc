import { describe, expect, it } from 'vitest'
import { createTestClient, type TestClient } from './test-client'

const put = (client: TestClient, id: string, body: unknown) => client.write('PUT', `/conversations/${id}`, body, { version: '2021-04-15' })
const totals = async (client: TestClient) => {
  const counts: Record<string, unknown> = {}
  for (const status of ['all', 'read', 'unread', 'starred']) counts[status] = (await client.search({ status })).body.total
  return counts as Record<'all' | 'read' | 'unread' | 'starred', number>
}

describe('PUT /conversations/{id}', () => {
  it('marks read and starred: the answer, the conversation, the filters and the per-status counts follow at once', async () => {
    const client = createTestClient({ conversations: 200 })
    const id = client.state.stores[0]?.rows.find((row) => row.unreadCount > 0 && !row.starred)?.id ?? ''
    expect(await client.conversations({ status: 'unread', id })).toHaveLength(1)
    const before = await totals(client)
    const response = await put(client, id, { locationId: client.location.id, unreadCount: 0, starred: true })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ success: true, conversation: { id, unreadCount: 0, starred: true, type: expect.any(Number) } })
    expect(await totals(client)).toEqual({ all: before.all, read: before.read + 1, unread: before.unread - 1, starred: before.starred + 1 })
    expect((await client.get(`/conversations/${id}`)).body).toMatchObject({ unreadCount: 0, starred: true })
    const [found] = (await client.conversations({ status: 'starred', id })) as { id: string; unreadCount: number }[]
    expect(found).toMatchObject({ id, unreadCount: 0 })
    expect(await client.conversations({ status: 'unread', id })).toEqual([])
  })

  it('marks unread with unreadCount 1 and unstars; a body with neither changes nothing', async () => {
    const client = createTestClient({ conversations: 200 })
    const row = client.state.stores[0]?.rows.find((candidate) => candidate.unreadCount === 0 && candidate.starred)
    const id = row?.id ?? ''
    const before = await totals(client)
    expect((await put(client, id, { locationId: client.location.id, unreadCount: 1, starred: false })).status).toBe(200)
    expect(await totals(client)).toEqual({ all: before.all, read: before.read - 1, unread: before.unread + 1, starred: before.starred - 1 })
    expect(await client.conversations({ status: 'unread', id })).toHaveLength(1)
    const same = await put(client, id, { locationId: client.location.id })
    expect(same.body).toMatchObject({ success: true, conversation: { id, unreadCount: 1, starred: false } })
    expect(await totals(client)).toEqual({ all: before.all, read: before.read - 1, unread: before.unread + 1, starred: before.starred - 1 })
  })

  it.each<[unknown, string[]]>([
    [{}, ['locationId should not be empty', 'locationId must be a string']],
    [{ locationId: 5 }, ['locationId must be a string']],
    [{ locationId: '' }, ['locationId should not be empty']],
    [{ locationId: 'LOC', starred: 'yes' }, ['starred must be a boolean value']],
    [{ locationId: 'LOC', unreadCount: 'two' }, ['unreadCount must be a number conforming to the specified constraints']],
    [{ locationId: 'LOC', unreadCount: 1.5 }, ['unreadCount must be an integer number']],
    [{ locationId: 'LOC', unreadCount: -1 }, ['unreadCount must not be less than 0']],
    [{ locationId: 'LOC', feedback: 'good' }, ['feedback must be an object']],
    [{ locationId: 'LOC', archived: true, starred: 1 }, ['property archived should not exist', 'starred must be a boolean value']],
    [[1, 2], ['an unknown value was passed to the validate function']],
  ])('answers 422 in class-validator’s words for %j, and changes nothing', async (body, message) => {
    const client = createTestClient({ conversations: 20 })
    const row = client.state.stores[0]?.rows[0]
    const before = { ...row }
    const withLocation = typeof body === 'object' && body !== null && 'locationId' in body && body.locationId === 'LOC' ? { ...body, locationId: client.location.id } : body
    const response = await put(client, row?.id ?? '', withLocation)
    expect(response.status).toBe(422)
    expect(response.body).toEqual({ statusCode: 422, message, error: 'Unprocessable Entity' })
    expect({ ...row }).toEqual(before)
  })

  it('answers 400 for a body that is not JSON', async () => {
    const client = createTestClient({ conversations: 20 })
    const response = await put(client, client.state.stores[0]?.rows[0]?.id ?? '', '{"locationId":')
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ statusCode: 400, message: 'Bad Request', error: 'Bad Request' })
  })

  it('answers 403 for another location (in the body or the conversation’s own) and 404 for an unknown id', async () => {
    const client = createTestClient({ conversations: 20 })
    const row = client.state.stores[0]?.rows[0]
    const starred = row?.starred
    const wrongLocation = await put(client, row?.id ?? '', { locationId: client.other.id, starred: !starred })
    expect(wrongLocation.status).toBe(403)
    expect(wrongLocation.body).toMatchObject({ statusCode: 403, message: 'The token does not have access to this location.' })
    expect(row?.starred).toBe(starred)
    const foreign = client.state.stores[1]?.rows[0]?.id ?? ''
    expect((await put(client, foreign, { locationId: client.other.id, starred: true })).status).toBe(403)
    const unknown = await put(client, 'unknownConversation0', { locationId: client.location.id })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ statusCode: 404, message: 'Conversation not found', error: 'Not Found' })
  })
})
