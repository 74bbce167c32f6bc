import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'
import { activeUsers, countSends, newAgent, setWhoAmI, watchEventStreams } from './support/team'

/**
 * A team on one server: two agents, each in a browser context of their own (own storage, own
 * tab ids), seeing each other's presence, replies and changes through the push channel.
 */

interface Row {
  id: string
  contactId: string
  phone?: string
  unreadCount?: number
  starred?: boolean
  assignedTo?: string | null
}

async function search(request: APIRequestContext, query: string): Promise<Row[]> {
  const response = await request.get(`/api/conversations/search?${query}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { conversations: Row[] }).conversations
}

/** Each test takes conversations of its own, newest first, that no other test here used. */
const used = new Set<string>()
async function pick(request: APIRequestContext, query: string, fits: (row: Row) => boolean = () => true): Promise<Row> {
  const row = (await search(request, `${query}&limit=100`)).find((candidate) => !used.has(candidate.id) && fits(candidate))
  if (!row) throw new Error(`no unused conversation for ${query}`)
  used.add(row.id)
  return row
}

const rowOf = (page: Page, id: string) => page.locator(`[role="row"][data-conversation-id="${id}"]`)
const pane = (page: Page) => page.getByRole('complementary', { name: 'Conversation' })
const replyBox = (page: Page) => pane(page).getByRole('textbox', { name: /^Reply/ })
const unique = (what: string) => `${what} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

test.afterAll(async ({ request }) => {
  // Replies and changes here reorder the shared emulator: leave its data as the other specs expect it.
  expect((await request.post('/_emulator/dataset', { data: { fixture: 'generated' } })).ok()).toBe(true)
})

test('presence: who views and who replies is shown to the other agent, "Someone" without a name, gone when the tab closes', async ({ browser, baseURL, request }) => {
  const target = await pick(request, 'status=all&lastMessageType=TYPE_SMS&lastMessageDirection=inbound', (row) => Boolean(row.phone))
  const [name] = (await activeUsers(request)).map((user) => user.name)
  if (!name) throw new Error('no user to be')
  const a = await newAgent(browser, baseURL)
  const b = await newAgent(browser, baseURL)
  try {
    await b.page.goto(`/?id=${target.id}`)
    const bRow = rowOf(b.page, target.id)
    await expect(bRow).toBeVisible()
    await b.page.goto(`/conversations/${target.id}?id=${target.id}`)
    await expect(pane(b.page)).toBeVisible()

    await a.page.goto(`/conversations/${target.id}?id=${target.id}`)
    await expect(bRow).toContainText('Someone is viewing')
    await expect(pane(b.page).getByRole('status').filter({ hasText: 'Someone is viewing' })).toBeVisible()

    await setWhoAmI(a.page, name)
    await expect(bRow).toContainText(`${name} is viewing`)
    await expect(pane(b.page).getByRole('status').filter({ hasText: `${name} is viewing` })).toBeVisible()

    await pane(a.page).getByRole('button', { name: 'Reply', exact: true }).click()
    await replyBox(a.page).pressSequentially('Hello th')
    await expect(bRow).toContainText(`${name} is replying`)
    await expect(pane(b.page).getByRole('status').filter({ hasText: `${name} is replying` })).toBeVisible()

    // A closed tab says so on pagehide: gone at once, well before the 30 s a silent tab lasts
    // (longer than this expectation waits).
    await a.page.close()
    await expect(bRow).not.toContainText(name)
    await expect(bRow).not.toContainText('Someone')
    await expect(pane(b.page).getByRole('status').filter({ hasText: /is (viewing|replying)/ })).toHaveCount(0)
  } finally {
    await a.context.close()
    await b.context.close()
  }
})

test('collision warning: replying over a teammate’s fresh reply asks first, shows it, and sends nothing until confirmed', async ({ browser, baseURL, request }) => {
  const target = await pick(request, 'status=all&lastMessageType=TYPE_SMS&lastMessageDirection=inbound', (row) => Boolean(row.phone))
  const [name] = (await activeUsers(request)).map((user) => user.name)
  if (!name) throw new Error('no user to be')
  const a = await newAgent(browser, baseURL)
  const b = await newAgent(browser, baseURL)
  const sendsOfB = countSends(b.context)
  try {
    await a.page.goto(`/conversations/${target.id}?id=${target.id}`)
    await setWhoAmI(a.page, name)
    await b.page.goto(`/conversations/${target.id}?id=${target.id}`)
    await expect(pane(b.page).getByRole('status').filter({ hasText: `${name} is viewing` })).toBeVisible()
    await pane(b.page).getByRole('button', { name: 'Reply', exact: true }).click()
    const mine = unique('B answers')
    await replyBox(b.page).fill(mine)

    await pane(a.page).getByRole('button', { name: 'Reply', exact: true }).click()
    const theirs = unique('A answered first')
    await replyBox(a.page).fill(theirs)
    await replyBox(a.page).press('Control+Enter')
    await expect(pane(a.page).getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible()
    // B hears A's reply over the push channel: it is in B's thread without a reload.
    await expect(pane(b.page).getByText(theirs)).toBeVisible()
    // A moves on: the warning still names who wrote, though they are no longer present.
    await a.page.close()
    await expect(pane(b.page).getByRole('status').filter({ hasText: `${name} is` })).toHaveCount(0)

    await pane(b.page).getByRole('button', { name: 'Send' }).click()
    const warning = pane(b.page).getByRole('alert').filter({ hasText: 'replied since you opened this conversation' })
    await expect(warning).toContainText(`${name} replied since you opened this conversation`)
    await expect(warning).toContainText(theirs)
    expect(sendsOfB()).toBe(0)

    await warning.getByRole('button', { name: 'Keep editing' }).click()
    await expect(warning).toHaveCount(0)
    await expect(replyBox(b.page)).toHaveValue(mine)
    expect(sendsOfB()).toBe(0)

    await replyBox(b.page).press('Control+Enter')
    await expect(warning).toBeVisible()
    expect(sendsOfB()).toBe(0)
    await warning.getByRole('button', { name: 'Send anyway' }).click()
    await expect(pane(b.page).getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible()
    expect(sendsOfB()).toBe(1)
    await expect(replyBox(b.page)).toHaveValue('')
  } finally {
    await a.context.close()
    await b.context.close()
  }
})

void watchEventStreams
