import { describe, expect, it } from 'vitest'
import type { ConversationRow } from './model'
import { createTestClient, type TestClient } from './test-client'

/** Sends on the messaging channels (issue 17): Facebook, Instagram and live chat, as HighLevel would take them. */

interface ListedMessage {
  id: string
  body: string
  messageType: string
  direction: string
  status: string
  contentType: string
  source?: string
}

const sendMessage = (client: TestClient, body: unknown) => client.write('POST', '/conversations/messages', body, { version: '2021-04-15' })
const messagesOf = async (client: TestClient, id: string) =>
  ((await client.get(`/conversations/${id}/messages?limit=100`)).body.messages as { messages: ListedMessage[] }).messages
const rowsOf = (client: TestClient) => client.state.stores[0]?.rows ?? []
const ofContact = (client: TestClient, row: ConversationRow) => rowsOf(client).filter((other) => other.contactId === row.contactId)
const onlyConversation = (client: TestClient, test: (row: ConversationRow) => boolean) =>
  rowsOf(client).find((row) => test(row) && ofContact(client, row).length === 1)

const CHANNELS = [
  { type: 'FB', messageType: 'TYPE_FACEBOOK', conversationType: 'TYPE_FB_MESSENGER' },
  { type: 'IG', messageType: 'TYPE_INSTAGRAM', conversationType: 'TYPE_FB_MESSENGER' },
  { type: 'Live_Chat', messageType: 'TYPE_LIVE_CHAT', conversationType: 'TYPE_PHONE' },
] as const

describe('POST /conversations/messages on FB, IG and Live_Chat', () => {
  it.each(CHANNELS)('$type: on top of the history once, the conversation’s last message, outbound and manual, and found by search', async ({ type, messageType, conversationType }) => {
    const client = createTestClient({ conversations: 600 })
    const row = onlyConversation(client, (candidate) => candidate.type === conversationType && candidate.lastMessageType === messageType)
    if (!row) throw new Error(`no lone ${conversationType} conversation last written on ${messageType}`)
    const before = await messagesOf(client, row.id)
    const text = `Answer on ${type}`
    const response = await sendMessage(client, { type, contactId: row.contactId, message: text })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ conversationId: row.id, messageId: expect.any(String), status: 'delivered' })

    const after = await messagesOf(client, row.id)
    expect(after.slice(1)).toEqual(before)
    expect(after[0]).toEqual(
      expect.objectContaining({ id: response.body.messageId, body: text, messageType, direction: 'outbound', status: 'delivered', contentType: 'text/plain', source: 'api' }),
    )
    const [top] = (await client.conversations({ limit: 1 })) as Record<string, unknown>[]
    expect(top).toMatchObject({ id: row.id, lastMessageBody: text, lastMessageType: messageType, lastMessageDirection: 'outbound', lastOutboundMessageAction: 'manual' })
    expect(await client.conversations({ id: row.id, lastMessageType: messageType, lastMessageDirection: 'outbound', lastMessageAction: 'manual' })).toHaveLength(1)
    expect(response.body).not.toHaveProperty('emailMessageId')
  })

  it.each(CHANNELS)('$type reaches a contact with neither phone nor email', async ({ type }) => {
    const client = createTestClient({ conversations: 1500 })
    const row = rowsOf(client).find((candidate) => candidate.phone === '' && candidate.email === '')
    if (!row) throw new Error('no contact without phone and email')
    const response = await sendMessage(client, { type, contactId: row.contactId, message: 'Hello there' })
    expect(response.status).toBe(200)
    expect(ofContact(client, row).some((other) => other.id === response.body.conversationId && other.lastMessageBody === 'Hello there')).toBe(true)
  })

  it('lands in the contact’s Facebook conversation for FB and IG, and its phone conversation for live chat', async () => {
    const client = createTestClient({ conversations: 3000 })
    const rows = rowsOf(client)
    const messenger = rows.find(
      (row) => row.type === 'TYPE_FB_MESSENGER' && ofContact(client, row).some((other) => other.type === 'TYPE_PHONE') && ofContact(client, row).filter((other) => other.type === 'TYPE_FB_MESSENGER').length === 1,
    )
    if (!messenger) throw new Error('no contact with both a Facebook and a phone conversation')
    const phone = ofContact(client, messenger)
      .filter((other) => other.type === 'TYPE_PHONE')
      .reduce((latest, other) => (other.lastMessageDate > latest.lastMessageDate ? other : latest))
    for (const type of ['FB', 'IG']) {
      expect((await sendMessage(client, { type, contactId: messenger.contactId, message: `By ${type}` })).body.conversationId).toBe(messenger.id)
    }
    expect((await sendMessage(client, { type: 'Live_Chat', contactId: messenger.contactId, message: 'By chat' })).body.conversationId).toBe(phone.id)
    expect(messenger.lastMessageType).toBe('TYPE_INSTAGRAM')
    expect(phone.lastMessageType).toBe('TYPE_LIVE_CHAT')
  })

  it.each(CHANNELS)('$type without a message is refused in class-validator’s words, changing nothing', async ({ type }) => {
    const client = createTestClient({ conversations: 100 })
    const [row] = rowsOf(client)
    if (!row) throw new Error('no conversation')
    const before = { ...row }
    const response = await sendMessage(client, { type, contactId: row.contactId, message: '' })
    expect(response.status).toBe(422)
    expect(response.body).toEqual({ statusCode: 422, message: ['message should not be empty'], error: 'Unprocessable Entity' })
    expect({ ...row }).toEqual(before)
  })
})
