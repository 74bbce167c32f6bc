import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { startServer, type RunningServer } from '../scripts/start-server'
import { APP_HEADERS } from './support/app-headers'
import { conversationRows, serveAppUrl } from './support/inbox'

interface Row {
  id: string
  contactId: string
  fullName?: string
  phone?: string
  email?: string
  lastMessageBody?: string
  lastMessageDirection?: string
  lastOutboundMessageAction?: string
}

interface ListedMessage {
  id: string
  body?: string
  direction?: string
  meta?: { email?: { messageIds?: string[] } }
}

async function searchRows(request: APIRequestContext, query: string): Promise<Row[]> {
  const response = await request.get(`/api/conversations/search?${query}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { conversations: Row[] }).conversations
}

/** The newest 100 messages of a conversation, as HighLevel (the emulator) has them. */
async function messagesOf(request: APIRequestContext, id: string): Promise<ListedMessage[]> {
  const response = await request.get(`/api/conversations/${id}/messages?limit=100`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { messages: { messages: ListedMessage[] } }).messages.messages
}

async function knobs(request: APIRequestContext, body: Record<string, unknown>): Promise<void> {
  expect((await request.post('/_emulator/knobs', { data: body })).ok()).toBe(true)
}

/**
 * Conversations are used once each (a send changes them), taken in turn from the newest whose
 * customer last wrote on `type` and can be reached there.
 */
const used = new Set<string>()
async function conversationOn(request: APIRequestContext, type: string, reachable: (row: Row) => boolean = () => true): Promise<Row> {
  const rows = await searchRows(request, `lastMessageType=${type}&lastMessageDirection=inbound&limit=100`)
  const row = rows.find((candidate) => !used.has(candidate.id) && reachable(candidate))
  if (!row) throw new Error(`no unused inbound ${type} conversation`)
  used.add(row.id)
  return row
}

const pane = (page: Page) => page.getByRole('complementary', { name: 'Conversation' })
const replyBox = (page: Page) => pane(page).getByRole('textbox', { name: /^Reply/ })
const unique = (what: string) => `${what} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

async function openReply(page: Page, id: string): Promise<void> {
  await page.goto(`/conversations/${id}`)
  await pane(page).getByRole('button', { name: 'Reply', exact: true }).click()
  await expect(replyBox(page)).toBeFocused()
}

/** The reply is in the conversation's messages exactly once, and is its last message in search. */
async function expectSentOnce(request: APIRequestContext, row: Row, text: string): Promise<void> {
  await expect.poll(async () => (await messagesOf(request, row.id)).filter((message) => message.body === text).length).toBe(1)
  const [searched] = await searchRows(request, `id=${row.id}&limit=1`)
  expect(searched).toMatchObject({ id: row.id, lastMessageBody: text, lastMessageDirection: 'outbound' })
}

test.describe('replying from the pane', () => {
  test.afterEach(async ({ request }) => {
    await knobs(request, {})
  })

  test('SMS: r opens the box on the customer’s channel, counts segments, sends once and the row rises to the top, outbound and manual', async ({ page, request }) => {
    const row = await conversationOn(request, 'TYPE_SMS', (candidate) => Boolean(candidate.phone))
    await page.goto(`/conversations/${row.id}`)
    await expect(pane(page).getByRole('button', { name: 'Reply', exact: true })).toBeVisible()
    await page.locator('body').press('r')
    await expect(replyBox(page)).toBeFocused()
    await expect(pane(page).getByRole('combobox', { name: 'Channel' })).toHaveValue('SMS')
    const text = unique('Thanks, on it €')
    await replyBox(page).fill(text)
    await expect(pane(page).getByText(new RegExp(`${text.length} characters · 1 segment \\(GSM-7`))).toBeVisible()
    await replyBox(page).press('Control+Enter')
    await expect(pane(page).getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible()
    await expect(replyBox(page)).toHaveValue('')
    await expectSentOnce(request, row, text)
    const top = conversationRows(page).first()
    await expect(top).toHaveAttribute('data-conversation-id', row.id)
    await expect(top).toContainText(text)
    await expect(top).toContainText('Manual')
  })

  test('Email: the subject is "Re: …" of the inbound email, and the reply threads on it', async ({ page, request }) => {
    const row = await conversationOn(request, 'TYPE_EMAIL', (candidate) => Boolean(candidate.email))
    const inbound = (await messagesOf(request, row.id)).find((message) => message.direction === 'inbound')
    if (!inbound) throw new Error('no inbound email')
    const emailId = inbound.meta?.email?.messageIds?.at(-1) ?? inbound.id
    const email = await request.get(`/api/conversations/messages/email/${emailId}`, { headers: APP_HEADERS })
    expect(email.ok()).toBe(true)
    const subject = ((await email.json()) as { subject: string }).subject
    await openReply(page, row.id)
    await expect(pane(page).getByRole('combobox', { name: 'Channel' })).toHaveValue('Email')
    await expect(pane(page).getByRole('textbox', { name: 'Subject' })).toHaveValue(/^Re: /i.test(subject) ? subject : `Re: ${subject}`)
    const text = unique('We have refunded the order')
    const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/conversations/messages'))
    await replyBox(page).fill(text)
    await pane(page).getByRole('button', { name: 'Send' }).click()
    expect((await sent).postDataJSON()).toMatchObject({ type: 'Email', subject: expect.stringMatching(/^Re: /i), replyMessageId: expect.any(String) })
    await expectSentOnce(request, row, text)
  })

  test('WhatsApp: the composer answers on WhatsApp', async ({ page, request }) => {
    const row = await conversationOn(request, 'TYPE_WHATSAPP', (candidate) => Boolean(candidate.phone))
    await openReply(page, row.id)
    await expect(pane(page).getByRole('combobox', { name: 'Channel' })).toHaveValue('WhatsApp')
    await expect(replyBox(page)).toHaveAccessibleName('Reply by WhatsApp')
    const text = unique('Hola, yes we are open')
    await replyBox(page).fill(text)
    await pane(page).getByRole('button', { name: 'Send' }).click()
    await expectSentOnce(request, row, text)
  })

  test('a template fills the box with its placeholders filled where known; # opens the list', async ({ page, request }) => {
    const row = await conversationOn(request, 'TYPE_SMS', (candidate) => Boolean(candidate.phone && candidate.fullName))
    await openReply(page, row.id)
    await replyBox(page).press('#')
    const templates = pane(page).getByRole('group', { name: 'Templates' })
    await templates.getByRole('searchbox', { name: 'Search templates' }).fill('follow')
    await templates.getByRole('button', { name: /^Follow-up/ }).click()
    const firstName = row.fullName?.trim().split(/\s+/)[0] ?? ''
    await expect(replyBox(page)).toHaveValue(new RegExp(`^Hi ${firstName}, just following up`))
    await expect(replyBox(page)).not.toHaveValue(/\{\{contact\.first_name\}\}/)
    await expect(replyBox(page)).not.toHaveValue(/\{\{location\.name\}\}/)
  })

  test('a draft is marked in the list, survives a reload, and a second tab sees it', async ({ page, context, request }) => {
    const row = await conversationOn(request, 'TYPE_SMS', (candidate) => Boolean(candidate.phone))
    await openReply(page, row.id)
    const text = unique('Half-written answer')
    await replyBox(page).fill(text)
    await page.reload()
    await expect(replyBox(page)).toHaveValue(text)

    const second = await context.newPage()
    await second.goto(`/conversations/${row.id}`)
    await expect(replyBox(second)).toHaveValue(text)
    await replyBox(second).fill(`${text} and more`)
    await expect(replyBox(page)).toHaveValue(`${text} and more`)

    await second.goto(`/?id=${row.id}`)
    await expect(conversationRows(second).filter({ hasText: 'Draft' })).toHaveAttribute('data-conversation-id', row.id)
    expect((await messagesOf(request, row.id)).some((message) => message.body?.startsWith(text))).toBe(false)
  })

  test('a failed send keeps the draft and its reason; Try again after recovery sends it once', async ({ page, request }) => {
    const row = await conversationOn(request, 'TYPE_SMS', (candidate) => Boolean(candidate.phone))
    await openReply(page, row.id)
    const text = unique('Sorry for the wait')
    await replyBox(page).fill(text)
    await knobs(request, { failureRate: 1 })
    await pane(page).getByRole('button', { name: 'Send' }).click()
    await expect(pane(page).getByRole('alert')).toContainText('Not sent:')
    await expect(replyBox(page)).toHaveValue(text)
    const retry = pane(page).getByRole('button', { name: 'Try again' })
    await expect(retry).toBeVisible()

    await knobs(request, { failureRate: 0 })
    await retry.click()
    await expect(pane(page).getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible()
    await expectSentOnce(request, row, text)
  })

  test('no double send: a second Ctrl+Enter while sending sends nothing more', async ({ page, request }) => {
    const row = await conversationOn(request, 'TYPE_SMS', (candidate) => Boolean(candidate.phone))
    await openReply(page, row.id)
    const text = unique('Only once please')
    await replyBox(page).fill(text)
    let posts = 0
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/conversations/messages')) posts += 1
    })
    await knobs(request, { latencyMs: 1500 })
    await replyBox(page).press('Control+Enter')
    await expect(pane(page).getByRole('status').filter({ hasText: 'Sending…' })).toBeVisible()
    await expect(pane(page).getByRole('button', { name: 'Send' })).toBeDisabled()
    await replyBox(page).press('Control+Enter')
    await expect(pane(page).getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible()
    expect(posts).toBe(1)
    await knobs(request, {})
    await expectSentOnce(request, row, text)
  })

  test('a call conversation offers "Reply in HighLevel"', async ({ page, request }) => {
    const [row] = await searchRows(request, 'lastMessageType=TYPE_CALL&limit=1')
    if (!row) throw new Error('no call conversation')
    await serveAppUrl(page, 'https://app.example-agency.com')
    await page.goto('/?lastMessageType=TYPE_CALL')
    await page.locator(`[role="row"][data-conversation-id="${row.id}"]`).click()
    const link = pane(page).getByRole('link', { name: 'Reply in HighLevel' })
    await expect(link).toHaveAttribute('href', new RegExp(`/conversations/conversations/${row.id}$`))
    await expect(pane(page).getByText(/HighLevel’s API cannot answer from here/)).toBeVisible()
    await page.locator('body').press('r')
    await expect(link).toBeFocused()
  })
})

test.describe('a read-only server', () => {
  const port = Number(process.env.E2E_PORT ?? 4181) + 11
  let server: RunningServer
  test.beforeAll(async () => {
    server = await startServer(port, { GHL_READ_ONLY: '1', EMULATOR_CONVERSATIONS: '200', EMULATOR_SEED: '42', PROXY_RATE_LIMIT: 'off' })
  })
  test.afterAll(async () => {
    await server.stop()
  })

  test('offers no composer, and refuses a send with its read-only message', async ({ page, playwright }) => {
    const api = await playwright.request.newContext({ baseURL: server.url, extraHTTPHeaders: APP_HEADERS })
    const rows = await searchRows(api, 'lastMessageType=TYPE_SMS&lastMessageDirection=inbound&limit=1')
    const row = rows[0]
    if (!row) throw new Error('no SMS conversation')
    await page.goto(`${server.url}/conversations/${row.id}`)
    await expect(pane(page).getByText(/server is read-only: replies cannot be sent from here/)).toBeVisible()
    await expect(replyBox(page)).toHaveCount(0)
    const refused = await api.post('/api/conversations/messages', {
      headers: { Origin: server.url },
      data: { type: 'SMS', contactId: row.contactId, message: 'Should not go out' },
    })
    expect(refused.status()).toBe(403)
    expect(await refused.text()).toMatch(/read-only/i)
    expect((await messagesOf(api, row.id)).some((message) => message.body === 'Should not go out')).toBe(false)
    await api.dispose()
  })
})

test.describe('a server that gives up on HighLevel after 1 s', () => {
  const port = Number(process.env.E2E_PORT ?? 4181) + 12
  let server: RunningServer
  test.beforeAll(async () => {
    server = await startServer(port, { GHL_TIMEOUT_MS: '1000', EMULATOR_CONVERSATIONS: '200', EMULATOR_SEED: '42', PROXY_RATE_LIMIT: 'off' })
  })
  test.afterAll(async () => {
    await server.stop()
  })

  test('a send that timed out is looked for, not sent again: "Check again" finds it, and it is there once', async ({ page, playwright }) => {
    const api = await playwright.request.newContext({ baseURL: server.url, extraHTTPHeaders: APP_HEADERS })
    const [row] = await searchRows(api, 'lastMessageType=TYPE_SMS&lastMessageDirection=inbound&limit=1')
    if (!row) throw new Error('no SMS conversation')
    await page.goto(`${server.url}/conversations/${row.id}`)
    await pane(page).getByRole('button', { name: 'Reply', exact: true }).click()
    const text = unique('Did this go out')
    await replyBox(page).fill(text)
    // HighLevel (the emulator) takes the send, but answers after the server has given up (504).
    await knobs(api, { latencyMs: 1500 })
    await pane(page).getByRole('button', { name: 'Send' }).click()
    await expect(pane(page).getByRole('alert')).toContainText('May have been sent, and the conversation could not be checked')
    await expect(pane(page).getByRole('button', { name: 'Send', exact: true })).toHaveCount(0)
    await knobs(api, {})
    await pane(page).getByRole('button', { name: 'Check again' }).click()
    await expect(replyBox(page)).toHaveValue('')
    await expect(pane(page).getByRole('alert')).toHaveCount(0)
    expect((await messagesOf(api, row.id)).filter((message) => message.body === text)).toHaveLength(1)
    await api.dispose()
  })
})
