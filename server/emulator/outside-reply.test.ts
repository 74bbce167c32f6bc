import { describe, expect, it } from 'vitest'
import { createTestClient } from './test-client'

interface Wire {
  id: string
  type: string
  lastMessageDate: number
  lastMessageBody: string
  lastMessageDirection: string
  lastMessageType: string
  lastManualMessageDate?: number
  lastOutboundMessageAction?: string
  dateUpdated: number
  unreadCount: number
}
interface Listed {
  id: string
  body: string
  direction: string
  messageType: string
  userId?: string
  source?: string
  dateAdded: string
}

const newest = async (client: ReturnType<typeof createTestClient>, id: string): Promise<Listed[]> => {
  const answer = await client.get(`/conversations/${id}/messages?limit=5`)
  return (answer.body.messages as { messages: Listed[] }).messages
}

describe('POST /_emulator/reply', () => {
  it('adds a HighLevel user’s reply as HighLevel would: top of the thread, the last message, the top of the list', async () => {
    const client = createTestClient({ conversations: 200 })
    const [, , third] = (await client.conversations({ limit: 3, lastMessageDirection: 'inbound' })) as unknown as Wire[]
    if (!third) throw new Error('no conversation')
    const before = await newest(client, third.id)
    const user = client.state.stores[0]?.location.users.find((candidate) => !candidate.deleted)
    if (!user) throw new Error('no active user')

    const answer = await client.control('reply', { conversationId: third.id, body: 'Booked you for Tuesday', userId: user.id })
    expect(answer.status).toBe(200)
    const { date, message } = answer.body as { date: number; message: Listed }

    const [top] = (await client.conversations({ limit: 1 })) as unknown as Wire[]
    expect(top).toMatchObject({
      id: third.id,
      lastMessageBody: 'Booked you for Tuesday',
      lastMessageDirection: 'outbound',
      lastMessageDate: date,
      lastManualMessageDate: date,
      lastOutboundMessageAction: 'manual',
      dateUpdated: date,
      unreadCount: third.unreadCount,
    })
    expect(date).toBeGreaterThan(third.lastMessageDate)
    const [first, second] = await newest(client, third.id)
    expect(first).toMatchObject({ id: message.id, body: 'Booked you for Tuesday', direction: 'outbound', userId: user.id, source: 'app' })
    expect(Date.parse(first?.dateAdded ?? '')).toBe(date)
    expect(second?.id).toBe(before[0]?.id)
    const detail = await client.get(`/conversations/${third.id}`)
    expect(detail.body).toMatchObject({ lastMessageDate: date, lastMessageBody: 'Booked you for Tuesday' })
  })

  it('without a userId is a workflow’s: automated, and the last manual date stays', async () => {
    const client = createTestClient({ conversations: 200 })
    const [row] = (await client.conversations({ limit: 1, lastMessageAction: 'manual' })) as unknown as Wire[]
    if (!row) throw new Error('no conversation')
    const answer = await client.control('reply', { conversationId: row.id, body: 'Reminder: your appointment is tomorrow' })
    expect(answer.status).toBe(200)
    const [listed] = await newest(client, row.id)
    expect(listed?.userId).toBeUndefined()
    expect(listed?.source).toBe('workflow')
    const [top] = (await client.conversations({ limit: 1 })) as unknown as Wire[]
    expect(top).toMatchObject({ id: row.id, lastOutboundMessageAction: 'automated', lastManualMessageDate: row.lastManualMessageDate })
  })

  it('answers on the conversation’s channel: an email conversation gets an email', async () => {
    const client = createTestClient({ conversations: 300 })
    const [row] = (await client.conversations({ limit: 1, lastMessageType: 'TYPE_EMAIL' })) as unknown as Wire[]
    if (!row || row.type !== 'TYPE_EMAIL') throw new Error('no email conversation')
    await client.control('reply', { conversationId: row.id, body: 'Thanks, see you then' })
    const [listed] = await newest(client, row.id)
    expect(listed?.messageType).toBe('TYPE_EMAIL')
  })

  it('refuses an unknown conversation, an empty body and a user who is not an active one of the location', async () => {
    const client = createTestClient({ conversations: 20 })
    const [row] = (await client.conversations({ limit: 1 })) as unknown as Wire[]
    const deleted = client.state.stores[0]?.location.users.find((user) => user.deleted)
    const otherLocationUser = client.state.stores[1]?.location.users[0]
    expect((await client.control('reply', { conversationId: 'nope', body: 'x' })).status).toBe(400)
    expect((await client.control('reply', { conversationId: row?.id, body: '  ' })).status).toBe(400)
    expect((await client.control('reply', { conversationId: row?.id })).status).toBe(400)
    expect((await client.control('reply', { conversationId: row?.id, body: 'x', userId: deleted?.id })).status).toBe(400)
    expect((await client.control('reply', { conversationId: row?.id, body: 'x', userId: otherLocationUser?.id })).status).toBe(400)
    expect((await client.control('reply', { conversationId: row?.id, body: 'x', userId: 42 })).status).toBe(400)
    const [still] = (await client.conversations({ limit: 1 })) as unknown as Wire[]
    expect(still).toEqual(row)
  })
})
