import { describe, expect, it } from 'vitest'
import { createTestClient } from './test-client'

const client = createTestClient({ conversations: 300 })
const rows = client.state.stores[0]?.rows ?? []

interface Page {
  lastMessageId: string
  nextPage: boolean
  messages: { id: string; type: number; messageType: string; body: string; direction: string; dateAdded: string; attachments: unknown[]; conversationId: string; contentType: string }[]
}
const messagesOf = async (id: string, query = '') => (await client.get(`/conversations/${id}/messages${query}`)).body.messages as Page

describe('GET /conversations/{id}', () => {
  it('answers the spec shape, with type as a number', async () => {
    const row = rows.find((candidate) => candidate.type === 'TYPE_EMAIL') ?? rows[0]
    const response = await client.get(`/conversations/${row?.id}`)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ id: row?.id, contactId: row?.contactId, locationId: client.location.id, type: 2, inbox: true, deleted: false })
  })

  it('answers 404 for an unknown id and 403 for the other location’s conversation', async () => {
    expect((await client.get('/conversations/doesNotExist00000000')).status).toBe(404)
    const foreign = client.state.stores[1]?.rows[0]?.id
    expect((await client.get(`/conversations/${foreign}`)).status).toBe(403)
    expect((await client.get(`/conversations/${foreign}/messages`)).status).toBe(403)
  })
})

describe('GET /conversations/{id}/messages', () => {
  it('starts with the conversation’s last message, newest first, ISO dates', async () => {
    for (const row of rows.slice(0, 40)) {
      const page = await messagesOf(row.id)
      const [newest] = page.messages
      expect(newest).toMatchObject({ body: row.lastMessageBody, messageType: row.lastMessageType, direction: row.lastMessageDirection, conversationId: row.id })
      expect(Date.parse(newest?.dateAdded ?? '')).toBe(row.lastMessageDate)
      const dates = page.messages.map((message) => Date.parse(message.dateAdded))
      expect(dates).toEqual([...dates].sort((a, b) => b - a))
      expect(dates.every((date) => date >= row.dateAdded)).toBe(true)
    }
  })

  it('numbers types as the spec does (1 call, 2 SMS, 3 email) and sends calls with empty bodies', async () => {
    const call = rows.find((row) => row.lastMessageType === 'TYPE_CALL')
    const email = rows.find((row) => row.lastMessageType === 'TYPE_EMAIL')
    const [callMessage] = (await messagesOf(call?.id ?? '')).messages
    expect(callMessage).toMatchObject({ type: 1, body: '', attachments: [] })
    const [emailMessage] = (await messagesOf(email?.id ?? '')).messages
    expect(emailMessage).toMatchObject({ type: 3, contentType: 'text/html' })
  })

  it('pages with lastMessageId and nextPage, the same every time', async () => {
    const row = rows.find(() => true)
    let all: string[] = []
    for (const candidate of rows) {
      const full = await messagesOf(candidate.id, '?limit=100')
      if (full.messages.length > 5) {
        all = full.messages.map((message) => message.id)
        const first = await messagesOf(candidate.id, '?limit=3')
        expect(first.nextPage).toBe(true)
        expect(first.lastMessageId).toBe(all[2])
        const second = await messagesOf(candidate.id, `?limit=3&lastMessageId=${first.lastMessageId}`)
        expect(second.messages.map((message) => message.id)).toEqual(all.slice(3, 6))
        break
      }
    }
    expect(all.length).toBeGreaterThan(5)
    expect((await client.get(`/conversations/${row?.id}/messages?limit=0`)).status).toBe(422)
    expect((await client.get(`/conversations/${row?.id}/messages?lastMessageId=nope`)).status).toBe(422)
  })
})
