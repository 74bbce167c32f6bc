import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'

/** Replies on the messaging channels, and drafts kept while the agent moves between conversations. */

interface Row {
  id: string
  contactId: string
  fullName?: string
  phone?: string
  lastMessageBody?: string
  lastMessageType?: string
  lastMessageDirection?: string
}

async function searchRows(request: APIRequestContext, query: string): Promise<Row[]> {
  const response = await request.get(`/api/conversations/search?${query}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { conversations: Row[] }).conversations
}

async function messagesOf(request: APIRequestContext, id: string): Promise<{ body?: string; messageType?: string; direction?: string }[]> {
  const response = await request.get(`/api/conversations/${id}/messages?limit=100`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { messages: { messages: { body?: string; messageType?: string; direction?: string }[] } }).messages.messages
}

/** The newest conversation the customer last wrote on `type` whose contact has no other: a send by contact lands in it. */
async function loneConversationOn(request: APIRequestContext, type: string): Promise<Row> {
  for (const row of await searchRows(request, `lastMessageType=${type}&lastMessageDirection=inbound&limit=20`)) {
    if ((await searchRows(request, `contactId=${row.contactId}&limit=5`)).length === 1) return row
  }
  throw new Error(`no inbound ${type} conversation of a contact with no other`)
}

const pane = (page: Page) => page.getByRole('complementary', { name: 'Conversation' })
const replyBox = (page: Page) => pane(page).getByRole('textbox', { name: /^Reply/ })
const rowOf = (page: Page, id: string) => page.locator(`[role="row"][data-conversation-id="${id}"]`)
const unique = (what: string) => `${what} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

const CHANNELS = [
  { messageType: 'TYPE_FACEBOOK', send: 'FB', label: 'Facebook' },
  { messageType: 'TYPE_INSTAGRAM', send: 'IG', label: 'Instagram' },
  { messageType: 'TYPE_LIVE_CHAT', send: 'Live_Chat', label: 'Live chat' },
] as const

for (const channel of CHANNELS) {
  test(`${channel.label}: the composer answers on ${channel.label}, and the reply is the conversation’s last message once`, async ({ page, request }) => {
    const row = await loneConversationOn(request, channel.messageType)
    await page.goto(`/conversations/${row.id}`)
    await pane(page).getByRole('button', { name: 'Reply', exact: true }).click()
    await expect(replyBox(page)).toBeFocused()
    await expect(pane(page).getByRole('combobox', { name: 'Channel' })).toHaveValue(channel.send)
    await expect(replyBox(page)).toHaveAccessibleName(`Reply by ${channel.label}`)
    const text = unique(`Answer on ${channel.label}`)
    const sent = page.waitForRequest((candidate) => candidate.method() === 'POST' && candidate.url().endsWith('/api/conversations/messages'))
    await replyBox(page).fill(text)
    await replyBox(page).press('Control+Enter')
    expect((await sent).postDataJSON()).toEqual({ type: channel.send, contactId: row.contactId, message: text })
    await expect(pane(page).getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible()
    await expect(replyBox(page)).toHaveValue('')

    const mine = (await messagesOf(request, row.id)).filter((message) => message.body === text)
    expect(mine).toEqual([expect.objectContaining({ messageType: channel.messageType, direction: 'outbound' })])
    const [searched] = await searchRows(request, `id=${row.id}&limit=1`)
    expect(searched).toMatchObject({ lastMessageBody: text, lastMessageType: channel.messageType, lastMessageDirection: 'outbound' })
  })
}

test('switching conversations never loses a draft: type in A, open B, back to A', async ({ page, request }) => {
  const view = 'lastMessageType=TYPE_SMS&lastMessageDirection=inbound'
  const [a, b] = (await searchRows(request, `${view}&limit=10`)).filter((row) => Boolean(row.phone))
  if (!a || !b) throw new Error('not two inbound SMS conversations')
  await page.goto(`/?${view}`)
  await rowOf(page, a.id).click()
  await expect(page).toHaveURL(new RegExp(`/conversations/${a.id}`))
  await pane(page).getByRole('button', { name: 'Reply', exact: true }).click()
  const text = unique('Draft for A')
  // Typed key by key, as a person does: the last keys are the ones a lost write would drop.
  await replyBox(page).pressSequentially(text)

  await rowOf(page, b.id).click()
  await expect(page).toHaveURL(new RegExp(`/conversations/${b.id}`))
  await expect(replyBox(page)).toHaveCount(0)
  await pane(page).getByRole('button', { name: 'Reply', exact: true }).click()
  await replyBox(page).fill('Draft for B')

  await rowOf(page, a.id).click()
  await expect(page).toHaveURL(new RegExp(`/conversations/${a.id}`))
  await expect(replyBox(page)).toHaveValue(text)
  // B kept its own draft, and the list marks A as having one.
  await rowOf(page, b.id).click()
  await expect(replyBox(page)).toHaveValue('Draft for B')
  await expect(rowOf(page, a.id)).toContainText('Draft')
  expect((await messagesOf(request, a.id)).some((message) => message.body === text)).toBe(false)
})
