import { describe, expect, it } from 'vitest'
import { LOCATION_ID, recordingUpstream, testServer } from '../test-support/test-server.ts'

const CONVERSATION = 've9EPM428h8vShlRW1KT'
const CONTACT = 'contactAbc1234567890'
const USER = 'userAbc12345678901'

/** A HighLevel stand-in: search answers one conversation of the pinned location (unless told otherwise); writes succeed. */
function highLevel(search: { id?: string; contactId?: string; locationId?: string }[] = [{}]) {
  return recordingUpstream(async (request) => {
    const url = new URL(request.url)
    if (url.pathname === '/conversations/search') {
      const conversations = search.map((item) => ({ id: CONVERSATION, contactId: CONTACT, locationId: LOCATION_ID, ...item }))
      return Response.json({ conversations, total: conversations.length })
    }
    if (url.pathname === `/conversations/${CONVERSATION}` && request.method === 'GET') {
      return Response.json({ id: CONVERSATION, contactId: CONTACT, locationId: LOCATION_ID })
    }
    return Response.json({ success: true, echoed: await request.clone().text() })
  })
}

function put(body: unknown): RequestInit {
  return { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}

function post(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}

const writes = (upstream: { requests: Request[] }) => upstream.requests.filter((request) => request.method !== 'GET')

describe('PUT /conversations/{id}', () => {
  it('writes a conversation seen in a search, with the pinned locationId set and nothing else', async () => {
    const upstream = highLevel()
    const { request } = testServer({ upstream })
    await request('/api/conversations/search?limit=1')
    const response = await request(`/api/conversations/${CONVERSATION}`, put({ unreadCount: 0, starred: true }))
    expect(response.status).toBe(200)
    const [sent] = writes(upstream)
    expect(sent?.url).toBe(`https://services.example.test/conversations/${CONVERSATION}`)
    expect(sent?.headers.get('content-type')).toBe('application/json')
    expect(await sent?.json()).toEqual({ unreadCount: 0, starred: true, locationId: LOCATION_ID })
    expect(upstream.requests).toHaveLength(2)
  })

  it('confirms an unseen conversation with a search pinned to the location first', async () => {
    const upstream = highLevel()
    const { request } = testServer({ upstream })
    expect((await request(`/api/conversations/${CONVERSATION}`, put({ unreadCount: 1 }))).status).toBe(200)
    const [confirm, write] = upstream.requests
    expect(confirm?.url).toBe(`https://services.example.test/conversations/search?id=${CONVERSATION}&limit=1&locationId=${LOCATION_ID}`)
    expect(write?.method).toBe('PUT')
    // Known from now on: the next write asks nothing first.
    await request(`/api/conversations/${CONVERSATION}`, put({ unreadCount: 0 }))
    expect(upstream.requests).toHaveLength(3)
  })

  it('refuses a conversation the pinned search does not find, before anything is written', async () => {
    const upstream = highLevel([])
    const { request } = testServer({ upstream })
    const response = await request(`/api/conversations/${CONVERSATION}`, put({ starred: true }))
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('not known to belong to location') })
    expect(writes(upstream)).toHaveLength(0)
  })

  it('does not take the word of a search that answers with other conversations or another location', async () => {
    for (const item of [{ id: 'otherConversation123' }, { locationId: 'otherLocation123' }]) {
      const upstream = highLevel([item])
      const { request } = testServer({ upstream })
      expect((await request(`/api/conversations/${CONVERSATION}`, put({ starred: true }))).status).toBe(403)
      expect(writes(upstream)).toHaveLength(0)
    }
  })

  it.each([
    [{ starred: 'yes' }, 'starred'],
    [{ unreadCount: -1 }, 'unreadCount'],
    [{ unreadCount: 1.5 }, 'unreadCount'],
    [{ unreadCount: 1e9 }, 'unreadCount'],
    [{ starred: true, deleted: true }, 'deleted'],
    [{ starred: true, feedback: {} }, 'feedback'],
    [{}, 'unreadCount or starred'],
    [[], ''],
  ])('refuses the body %j with 400 naming %s', async (body, field) => {
    const upstream = highLevel()
    const response = await testServer({ upstream }).request(`/api/conversations/${CONVERSATION}`, put(body))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ message: expect.stringContaining(field) })
    expect(upstream.requests).toHaveLength(0)
  })

  it('refuses another locationId in the body, and bodies that are not JSON or too large', async () => {
    const upstream = highLevel()
    const { request } = testServer({ upstream })
    const path = `/api/conversations/${CONVERSATION}`
    expect((await request(path, put({ locationId: 'otherLocation123', starred: true }))).status).toBe(403)
    expect((await request(path, { ...put({ starred: true }), headers: { 'content-type': 'text/plain' } })).status).toBe(415)
    expect((await request(path, { ...put({}), body: '{"starred":' })).status).toBe(400)
    expect((await request(path, put({ starred: true, pad: 'x'.repeat(5000) }))).status).toBe(413)
    expect(upstream.requests).toHaveLength(0)
  })
})

describe('locationId in the body', () => {
  it('accepts the pinned one', async () => {
    const upstream = highLevel()
    const response = await testServer({ upstream }).request(`/api/conversations/${CONVERSATION}`, put({ locationId: LOCATION_ID, starred: false }))
    expect(response.status).toBe(200)
  })
})

describe('PUT /contacts/{id}', () => {
  it('assigns a contact seen in a conversation fetched by id, and unassigns with null', async () => {
    const upstream = highLevel([])
    const { request } = testServer({ upstream })
    await request(`/api/conversations/${CONVERSATION}`)
    expect((await request(`/api/contacts/${CONTACT}`, put({ assignedTo: USER }))).status).toBe(200)
    expect((await request(`/api/contacts/${CONTACT}`, put({ assignedTo: null }))).status).toBe(200)
    const sent = writes(upstream)
    expect(await sent[0]?.json()).toEqual({ assignedTo: USER })
    expect(await sent[1]?.json()).toEqual({ assignedTo: null })
    expect(upstream.requests.filter((r) => r.url.includes('/search'))).toHaveLength(0)
  })

  it('confirms an unseen contact by contactId, and refuses one the location does not have', async () => {
    const known = highLevel()
    expect((await testServer({ upstream: known }).request(`/api/contacts/${CONTACT}`, put({ assignedTo: USER }))).status).toBe(200)
    expect(known.requests[0]?.url).toContain(`contactId=${CONTACT}`)
    const unknown = highLevel([{ contactId: 'someoneElse12345' }])
    expect((await testServer({ upstream: unknown }).request(`/api/contacts/${CONTACT}`, put({ assignedTo: USER }))).status).toBe(403)
    expect(writes(unknown)).toHaveLength(0)
  })

  it.each([[{}], [{ assignedTo: 'u' }], [{ assignedTo: USER, locationId: LOCATION_ID }], [{ assignedTo: USER, tags: ['x'] }]])(
    'refuses %j',
    async (body) => {
      const upstream = highLevel()
      expect((await testServer({ upstream }).request(`/api/contacts/${CONTACT}`, put(body))).status).toBe(400)
      expect(upstream.requests).toHaveLength(0)
    },
  )
})

describe('POST /conversations/messages', () => {
  const reply = { type: 'Email', contactId: CONTACT, message: 'Thanks!', subject: 'Re: Order', html: '<p>Thanks!</p>', replyMessageId: 'messageAbc12345678', threadId: 'messageAbc12345678' }

  it('sends a reply to a contact of the location with exactly the fields given', async () => {
    const upstream = highLevel()
    const response = await testServer({ upstream }).request('/api/conversations/messages', post(reply))
    expect(response.status).toBe(200)
    const [sent] = writes(upstream)
    expect(sent?.url).toBe('https://services.example.test/conversations/messages')
    expect(await sent?.json()).toEqual(reply)
  })

  it.each([
    [{ ...reply, type: 'Custom' }, 'type'],
    [{ ...reply, type: 'sms' }, 'type'],
    [{ ...reply, emailTo: 'someone@example.com' }, 'emailTo'],
    [{ ...reply, attachments: ['https://evil.example/x'] }, 'attachments'],
    [{ ...reply, message: 'x'.repeat(16 * 1024 + 1) }, 'message'],
    [{ ...reply, html: 'é'.repeat(128 * 1024 + 1) }, 'html'],
    [{ ...reply, contactId: '../users' }, 'contactId'],
    [{ type: 'SMS', contactId: CONTACT }, 'needs a message'],
  ])('refuses %#: %s', async (body, field) => {
    const upstream = highLevel()
    const response = await testServer({ upstream }).request('/api/conversations/messages', post(body))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ message: expect.stringContaining(field) })
    expect(upstream.requests).toHaveLength(0)
  })

  it('refuses a contact the location does not have', async () => {
    const upstream = highLevel([])
    expect((await testServer({ upstream }).request('/api/conversations/messages', post(reply))).status).toBe(403)
    expect(writes(upstream)).toHaveLength(0)
  })
})

describe('writes and HighLevel', () => {
  it('pass HighLevel write errors through as JSON, for the app to word (a missing scope)', async () => {
    const body = { statusCode: 401, message: 'The token is not authorized for this scope.' }
    const upstream = recordingUpstream((request) =>
      request.method === 'GET'
        ? Response.json({ conversations: [{ id: CONVERSATION, contactId: CONTACT, locationId: LOCATION_ID }], total: 1 })
        : Response.json(body, { status: 401 }))
    const response = await testServer({ upstream }).request(`/api/conversations/${CONVERSATION}`, put({ starred: true }))
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await response.json()).toEqual(body)
  })

  it('refuses every write in read-only mode with 403, before anything is asked', async () => {
    const upstream = highLevel()
    const { request } = testServer({ upstream, readOnly: true })
    const attempts = [
      request(`/api/conversations/${CONVERSATION}`, put({ starred: true })),
      request(`/api/contacts/${CONTACT}`, put({ assignedTo: null })),
      request('/api/conversations/messages', post({ type: 'SMS', contactId: CONTACT, message: 'hi' })),
    ]
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ message: expect.stringContaining('read-only') })
    }
    expect(upstream.requests).toHaveLength(0)
    expect((await request('/api/conversations/search')).status).toBe(200)
  })

  it('share the rate budget with reads: a write waits its turn, ahead of waiting refreshes', async () => {
    let answer: () => void = () => {}
    const gate = new Promise<void>((resolve) => (answer = resolve))
    const upstream = recordingUpstream(async (request) => {
      if (request.method === 'GET') await gate
      return Response.json({ conversations: [{ id: CONVERSATION, contactId: CONTACT, locationId: LOCATION_ID }], total: 1 })
    })
    const { request } = testServer({ upstream, rateLimit: { limit: 1, windowMs: 60_000 }, queueMax: 10 })
    const read = request('/api/conversations/search')
    const write = request(`/api/conversations/${CONVERSATION}`, put({ starred: true }))
    answer()
    expect((await read).status).toBe(200)
    // The one token is cooling for a minute: the write (and its confirming search) must wait for it.
    const outcome = await Promise.race([write.then(() => 'answered'), new Promise((resolve) => setImmediate(() => resolve('waiting')))])
    expect(outcome).toBe('waiting')
    expect(writes(upstream)).toHaveLength(0)
  })
})
