import { describe, expect, it } from 'vitest'
import { HISTORY_LIMITS, Histories, type StoredMessage } from './histories'
import type { ConversationRow } from './model'
import { createTestClient } from './test-client'

const row = (id: string) => ({ id }) as ConversationRow
const entry = (id: string, emailId?: string): StoredMessage => ({
  message: { id, type: 2, messageType: 'TYPE_SMS', body: id, direction: 'outbound', status: 'delivered', contentType: 'text/plain', dateAdded: '', attachments: [], conversationId: '', locationId: '', contactId: '' },
  ...(emailId ? { email: { id: emailId, threadId: id, subject: '', from: '', to: [] } } : {}),
})

describe('Histories', () => {
  it('keeps at most `messages` per conversation, dropping the oldest and their ids', () => {
    const histories = new Histories(() => [entry('old', 'oldEmail')], { conversations: 10, messages: 3 })
    const conversation = row('c1')
    for (const id of ['m1', 'm2', 'm3']) histories.prepend(conversation, entry(id))
    expect(histories.of(conversation).map((stored) => stored.message.id)).toEqual(['m3', 'm2', 'm1'])
    expect(histories.conversationOfMessage('old')).toBeUndefined()
    expect(histories.email('oldEmail')).toBeUndefined()
    expect(histories.conversationOfMessage('m1')).toBe(conversation)
  })

  it('keeps at most `conversations` histories, dropping the least recently read, which is generated again', () => {
    let generated = 0
    const histories = new Histories((conversation) => {
      generated++
      return [entry(`${conversation.id}-last`, `${conversation.id}-email`)]
    }, { conversations: 2, messages: 10 })
    const [a, b, c] = [row('a'), row('b'), row('c')]
    histories.prepend(a, entry('a-sent'))
    histories.of(b)
    histories.of(a)
    histories.of(c)
    expect(generated).toBe(3)
    expect(histories.email('b-email')).toBeUndefined()
    expect(histories.email('a-email')?.row).toBe(a)
    expect(histories.of(a).map((stored) => stored.message.id)).toEqual(['a-sent', 'a-last'])
    histories.of(b)
    expect(generated).toBe(4)
    expect(histories.of(b).map((stored) => stored.message.id)).toEqual(['b-last'])
  })

  it('caps a conversation that keeps receiving messages through the API', async () => {
    const client = createTestClient({ conversations: 50 })
    const target = client.state.stores[0]?.rows.find((candidate) => candidate.phone !== '')
    for (let i = 0; i <= HISTORY_LIMITS.messages; i++) {
      const response = await client.write('POST', '/conversations/messages', { type: 'SMS', contactId: target?.contactId, message: `#${i}` })
      expect(response.status).toBe(200)
    }
    const conversationId = client.state.stores[0]?.rows.find((candidate) => candidate.lastMessageBody === `#${HISTORY_LIMITS.messages}`)?.id
    const page = (await client.get(`/conversations/${conversationId}/messages?limit=100`)).body.messages as { messages: { body: string }[]; nextPage: boolean }
    expect(page.messages[0]?.body).toBe(`#${HISTORY_LIMITS.messages}`)
    expect(client.state.histories.of(client.state.stores[0]?.find(conversationId ?? '') as ConversationRow)).toHaveLength(HISTORY_LIMITS.messages)
  })
})
