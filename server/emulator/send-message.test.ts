import { describe, expect, it } from 'vitest'
import type { ConversationRow } from './model'
import { MAX_MESSAGE_LENGTH, SEND_TYPES } from './send-message'
import { createTestClient, type TestClient } from './test-client'

interface ListedMessage {
  id: string
  body: string
  messageType: string
  direction: string
  contentType: string
  source?: string
  meta?: { email?: { messageIds: string[] } }
}
const sendMessage = (client: TestClient, body: unknown) => client.write('POST', '/conversations/messages', body, { version: '2021-04-15' })
const messagesOf = async (client: TestClient, id: string) =>
  ((await client.get(`/conversations/${id}/messages?limit=100`)).body.messages as { messages: ListedMessage[] }).messages
const rowsOf = (client: TestClient) => client.state.stores[0]?.rows ?? []
const onlyConversation = (client: TestClient, test: (row: ConversationRow) => boolean) =>
  rowsOf(client).find((row) => test(row) && rowsOf(client).filter((other) => other.contactId === row.contactId).length === 1)

describe('POST /conversations/messages', () => {
  it('sends an SMS: on top of the history once, and the conversation’s last message, outbound and manual, at the top', async () => {
    const client = createTestClient({ conversations: 300 })
    const row = onlyConversation(client, (candidate) => candidate.type === 'TYPE_PHONE' && candidate.phone !== '' && candidate.lastMessageDirection === 'inbound')
    const id = row?.id ?? ''
    const before = await messagesOf(client, id)
    const response = await sendMessage(client, { type: 'SMS', contactId: row?.contactId, message: 'Hi! See you at 3.' })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ conversationId: id, messageId: expect.any(String), status: 'delivered' })

    const after = await messagesOf(client, id)
    expect(after.slice(1)).toEqual(before)
    expect(after[0]).toMatchObject({ id: response.body.messageId, body: 'Hi! See you at 3.', messageType: 'TYPE_SMS', direction: 'outbound', source: 'api' })
    expect(after.filter((message) => message.id === response.body.messageId)).toHaveLength(1)

    const [top] = (await client.conversations({ limit: 1 })) as Record<string, unknown>[]
    expect(top).toMatchObject({
      id,
      lastMessageBody: 'Hi! See you at 3.',
      lastMessageType: 'TYPE_SMS',
      lastMessageDirection: 'outbound',
      lastOutboundMessageAction: 'manual',
      lastManualMessageDate: top?.lastMessageDate,
    })
    const [manualTop] = (await client.conversations({ sortBy: 'last_manual_message_date', limit: 1 })) as { id: string }[]
    expect(manualTop?.id).toBe(id)
    expect(await client.conversations({ id, lastMessageDirection: 'outbound', lastMessageAction: 'manual', lastMessageType: 'TYPE_SMS' })).toHaveLength(1)
    expect(await client.conversations({ id, query: 'see you at 3' })).toHaveLength(1)
  })

  it('sends an Email: the list carries its email id, the email by id its subject, HTML and addresses', async () => {
    const client = createTestClient({ conversations: 300 })
    const row = onlyConversation(client, (candidate) => candidate.type === 'TYPE_EMAIL' && candidate.email !== '')
    const response = await sendMessage(client, { type: 'Email', contactId: row?.contactId, subject: 'Your quote', html: '<p>Attached.</p>', message: 'Attached.' })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ conversationId: row?.id, messageId: expect.any(String), emailMessageId: expect.any(String), status: 'delivered' })
    const [newest] = await messagesOf(client, row?.id ?? '')
    expect(newest).toMatchObject({ id: response.body.messageId, body: '<p>Attached.</p>', contentType: 'text/html', meta: { email: { messageIds: [response.body.emailMessageId] } } })
    expect(newest).not.toHaveProperty('subject')
    const email = await client.get(`/conversations/messages/email/${String(response.body.emailMessageId)}`)
    expect(email.status).toBe(200)
    expect(email.body).toMatchObject({
      id: response.body.emailMessageId,
      threadId: response.body.messageId,
      conversationId: row?.id,
      contactId: row?.contactId,
      locationId: client.location.id,
      subject: 'Your quote',
      body: '<p>Attached.</p>',
      direction: 'outbound',
      to: [expect.stringContaining(row?.email ?? '')],
      from: expect.stringContaining(client.location.name),
    })
  })

  it('replies in an email thread: the generated email’s subject is fetched by id, the reply lands in its conversation', async () => {
    const client = createTestClient({ conversations: 300 })
    const row = rowsOf(client).find((candidate) => candidate.lastMessageType === 'TYPE_EMAIL' && candidate.lastMessageDirection === 'inbound' && candidate.email !== '')
    const [inbound] = await messagesOf(client, row?.id ?? '')
    const emailId = inbound?.meta?.email?.messageIds[0] ?? ''
    const original = await client.get(`/conversations/messages/email/${emailId}`)
    expect(original.body).toMatchObject({ id: emailId, threadId: inbound?.id, subject: expect.any(String), direction: 'inbound' })
    const subject = `Re: ${String(original.body.subject)}`
    const reply = await sendMessage(client, { type: 'Email', contactId: row?.contactId, subject, html: '<p>Thanks!</p>', replyMessageId: emailId, threadId: inbound?.id })
    expect(reply.body.conversationId).toBe(row?.id)
    const sent = await client.get(`/conversations/messages/email/${String(reply.body.emailMessageId)}`)
    expect(sent.body).toMatchObject({ subject, threadId: inbound?.id, replyToMessageId: emailId })
  })

  it('lands in the contact’s conversation of the channel when it has several', async () => {
    const client = createTestClient({ conversations: 1500 })
    const rows = rowsOf(client)
    const email = rows.find((row) => row.type === 'TYPE_EMAIL' && row.email && row.phone && rows.some((other) => other !== row && other.contactId === row.contactId && other.type === 'TYPE_PHONE'))
    const phone = rows.find((row) => row !== email && row.contactId === email?.contactId && row.type === 'TYPE_PHONE')
    expect(phone).toBeDefined()
    expect((await sendMessage(client, { type: 'Email', contactId: email?.contactId, message: 'By email' })).body.conversationId).toBe(email?.id)
    expect((await sendMessage(client, { type: 'SMS', contactId: email?.contactId, message: 'By text' })).body.conversationId).toBe(phone?.id)
  })

  it('refuses SMS to a contact without a phone and Email to one without an address, changing nothing', async () => {
    const client = createTestClient({ conversations: 300 })
    const noPhone = rowsOf(client).find((row) => row.phone === '')
    const noEmail = rowsOf(client).find((row) => row.email === '')
    const before = { ...noPhone }
    for (const type of ['SMS', 'WhatsApp']) {
      const response = await sendMessage(client, { type, contactId: noPhone?.contactId, message: 'Hello' })
      expect(response.status).toBe(422)
      expect(response.body).toEqual({ statusCode: 422, message: ['The contact has no phone number'], error: 'Unprocessable Entity' })
    }
    expect({ ...noPhone }).toEqual(before)
    const email = await sendMessage(client, { type: 'Email', contactId: noEmail?.contactId, message: 'Hello' })
    expect(email.body).toEqual({ statusCode: 422, message: ['The contact has no email address'], error: 'Unprocessable Entity' })
  })

  it.each<[Record<string, unknown>, string[]]>([
    [{}, [`type must be one of the following values: ${SEND_TYPES.join(', ')}`, 'contactId should not be empty', 'contactId must be a string']],
    [{ type: 'Fax', contactId: 'C' }, [`type must be one of the following values: ${SEND_TYPES.join(', ')}`]],
    [{ type: 'SMS', contactId: 'C', message: 5 }, ['message must be a string']],
    [{ type: 'SMS', contactId: 'C', message: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }, [`message must be shorter than or equal to ${MAX_MESSAGE_LENGTH} characters`]],
    [{ type: 'SMS', contactId: 'C', message: 'x', attachments: 'a.png' }, ['attachments must be an array']],
    [{ type: 'SMS', contactId: 'C', message: 'x', status: 'sent' }, ['status must be one of the following values: delivered, failed, pending, read']],
    [{ type: 'SMS', contactId: 'C', message: 'x', conversationId: 'abc' }, ['property conversationId should not exist']],
    [{ type: 'SMS', contactId: 'C' }, ['message should not be empty']],
    [{ type: 'Email', contactId: 'C', subject: 'Only a subject' }, ['message should not be empty']],
    [{ type: 'Custom', contactId: 'C', message: 'x' }, ['type Custom cannot be sent through the emulator']],
  ])('answers 422 in class-validator’s words for %j', async (body, message) => {
    const client = createTestClient({ conversations: 50 })
    const contactId = body.contactId === 'C' ? rowsOf(client)[0]?.contactId : body.contactId
    const response = await sendMessage(client, { ...body, ...(contactId === undefined ? {} : { contactId }) })
    expect(response.status).toBe(422)
    expect(response.body).toEqual({ statusCode: 422, message, error: 'Unprocessable Entity' })
  })

  it('answers 404 for an unknown contact and 403 for another location’s, sending nothing', async () => {
    const client = createTestClient({ conversations: 50 })
    const unknown = await sendMessage(client, { type: 'SMS', contactId: 'noSuchContact0000000', message: 'Hi' })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ statusCode: 404, message: 'Contact not found', error: 'Not Found' })
    const foreign = client.state.stores[1]?.rows.find((row) => row.phone !== '')
    const before = foreign?.lastMessageDate
    expect((await sendMessage(client, { type: 'SMS', contactId: foreign?.contactId, message: 'Hi' })).status).toBe(403)
    expect(foreign?.lastMessageDate).toBe(before)
  })
})

describe('GET /conversations/messages/email/{id}', () => {
  it('answers 404 for an unknown email and 403 for another location’s', async () => {
    const client = createTestClient({ conversations: 300 })
    expect((await client.get('/conversations/messages/email/noSuchEmail000000000')).body).toEqual({ statusCode: 404, message: 'Email not found', error: 'Not Found' })
    const foreign = client.state.stores[1]?.rows.find((row) => row.lastMessageType === 'TYPE_EMAIL')
    const listed = await client.get(`/conversations/${foreign?.id}/messages`, { authorization: `Bearer ${client.other.token}` })
    const [newest] = (listed.body.messages as { messages: ListedMessage[] }).messages
    const emailId = newest?.meta?.email?.messageIds[0]
    expect(emailId).toBeDefined()
    expect((await client.get(`/conversations/messages/email/${emailId}`, { authorization: `Bearer ${client.other.token}` })).status).toBe(200)
    expect((await client.get(`/conversations/messages/email/${emailId}`)).status).toBe(403)
  })
})
