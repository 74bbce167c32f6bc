import { describe, expect, it } from 'vitest'
import { createTestClient } from './test-client'

const put = (client: ReturnType<typeof createTestClient>, id: string, body: unknown) =>
  client.emulator.fetch(
    new Request(`http://emulator.test/conversations/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${client.location.token}`, version: '2021-04-15', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )

describe('PUT /conversations/{id}', () => {
  it('marks a conversation read and starred, and filters follow', async () => {
    const client = createTestClient({ conversations: 200 })
    const [unread] = (await client.conversations({ status: 'unread', limit: 1 })) as { id: string }[]
    const id = unread?.id ?? ''
    const before = (await client.search({ status: 'unread' })).body.total as number
    const response = await put(client, id, { locationId: client.location.id, unreadCount: 0, starred: true })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ success: true, conversation: { id, unreadCount: 0, starred: true } })
    expect((await client.search({ status: 'unread' })).body.total).toBe(before - 1)
    const starred = (await client.conversations({ status: 'starred', limit: 100 })) as { id: string; starred: boolean }[]
    expect(starred.find((conversation) => conversation.id === id)?.starred).toBe(true)
  })

  it('validates like HighLevel: 422 for a bad body, 403 for another location', async () => {
    const client = createTestClient({ conversations: 20 })
    const id = client.state.stores[0]?.rows[0]?.id ?? ''
    expect((await put(client, id, {})).status).toBe(422)
    expect((await put(client, id, { locationId: client.location.id, starred: 'yes' })).status).toBe(422)
    expect((await put(client, id, { locationId: client.location.id, unreadCount: -1 })).status).toBe(422)
    expect((await put(client, id, { locationId: client.other.id, starred: true })).status).toBe(403)
    expect((await put(client, 'unknownConversation0', { locationId: client.location.id })).status).toBe(404)
  })
})
