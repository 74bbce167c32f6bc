import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'
import { activeUsers, countSends, newAgent, setWhoAmI, statusCount, titleUnread, watchEventStreams } from './support/team'

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

    await sendOverTheWarning(b.page, { who: name, theirs, mine, sends: sendsOfB })
  } finally {
    await a.context.close()
    await b.context.close()
  }
})

/**
 * Send over someone else's fresh reply: the warning names them and shows their reply, nothing is
 * sent; "Keep editing" keeps the draft; sending again asks again; "Send anyway" sends it once.
 */
async function sendOverTheWarning(page: Page, { who, theirs, mine, sends }: { who: string; theirs: string; mine: string; sends: () => number }): Promise<void> {
  await pane(page).getByRole('button', { name: 'Send' }).click()
  const warning = pane(page).getByRole('alert').filter({ hasText: 'replied since you opened this conversation' })
  await expect(warning).toContainText(`${who} replied since you opened this conversation`)
  await expect(warning).toContainText(theirs)
  expect(sends()).toBe(0)

  await warning.getByRole('button', { name: 'Keep editing' }).click()
  await expect(warning).toHaveCount(0)
  await expect(replyBox(page)).toHaveValue(mine)
  expect(sends()).toBe(0)

  await replyBox(page).press('Control+Enter')
  await expect(warning).toBeVisible()
  expect(sends()).toBe(0)
  await warning.getByRole('button', { name: 'Send anyway' }).click()
  await expect(pane(page).getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible()
  expect(sends()).toBe(1)
  await expect(replyBox(page)).toHaveValue('')
}

/** A reply written in HighLevel itself by one of its users: no write of this server, so no push event. */
async function replyInHighLevel(request: APIRequestContext, conversationId: string, body: string, userId: string): Promise<void> {
  expect((await request.post('/_emulator/reply', { data: { conversationId, body, userId } })).ok()).toBe(true)
}

/** A's GETs of the conversation's messages from now on. */
function countThreadReads(page: Page, id: string): () => number {
  let reads = 0
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/conversations/${id}/messages`) reads += 1
  })
  return () => reads
}

test('collision warning over a reply written in HighLevel: the server’s refresh brings the row, the row the thread, and sending asks first', async ({ browser, baseURL, request }) => {
  // The server's shared refresh reads a watched view every 20 s (more views, more slowly): this
  // waits on the row for up to 60 s.
  test.setTimeout(120_000)
  const target = await pick(request, 'status=all&lastMessageType=TYPE_SMS&lastMessageDirection=inbound', (row) => Boolean(row.phone))
  const [user] = await activeUsers(request)
  if (!user) throw new Error('no HighLevel user')
  const a = await newAgent(browser, baseURL)
  const sends = countSends(a.context)
  try {
    await a.page.goto(`/conversations/${target.id}?id=${target.id}`)
    await expect(pane(a.page).getByRole('list', { name: 'Messages, newest first' })).toBeVisible()
    await pane(a.page).getByRole('button', { name: 'Reply', exact: true }).click()
    const mine = unique('A answers')
    await replyBox(a.page).fill(mine)
    // From now on A reads no search of its own: the row can only come from the server's refresh.
    await a.page.route('**/api/conversations/search**', (route) => route.abort())
    const threadReads = countThreadReads(a.page, target.id)

    const theirs = unique('Answered in HighLevel')
    await replyInHighLevel(request, target.id, theirs, user.id)
    await expect(rowOf(a.page, target.id)).toContainText(theirs, { timeout: 60_000 })
    await expect(pane(a.page).getByRole('list', { name: 'Messages, newest first' })).toContainText(theirs)
    expect(threadReads()).toBe(1)

    await sendOverTheWarning(a.page, { who: user.name, theirs, mine, sends })
  } finally {
    await a.context.close()
  }
})

test('a send checks HighLevel’s newest message first: a reply written there a moment ago asks first, nothing sent until confirmed', async ({ browser, baseURL, request }) => {
  const target = await pick(request, 'status=all&lastMessageType=TYPE_SMS&lastMessageDirection=inbound', (row) => Boolean(row.phone))
  const [user] = await activeUsers(request)
  if (!user) throw new Error('no HighLevel user')
  const a = await newAgent(browser, baseURL)
  const sends = countSends(a.context)
  try {
    await a.page.goto(`/conversations/${target.id}?id=${target.id}`)
    await expect(pane(a.page).getByRole('list', { name: 'Messages, newest first' })).toBeVisible()
    await pane(a.page).getByRole('button', { name: 'Reply', exact: true }).click()
    const mine = unique('A answers')
    await replyBox(a.page).fill(mine)
    const threadReads = countThreadReads(a.page, target.id)

    const theirs = unique('Just answered in HighLevel')
    await replyInHighLevel(request, target.id, theirs, user.id)
    await replyBox(a.page).press('Control+Enter')
    const warning = pane(a.page).getByRole('alert').filter({ hasText: 'replied since you opened this conversation' })
    await expect(warning).toContainText(`${user.name} replied since you opened this conversation`)
    await expect(warning).toContainText(theirs)
    expect(threadReads()).toBeGreaterThanOrEqual(1)
    expect(sends()).toBe(0)

    await warning.getByRole('button', { name: 'Keep editing' }).click()
    await expect(replyBox(a.page)).toHaveValue(mine)
    expect(sends()).toBe(0)
    await pane(a.page).getByRole('button', { name: 'Send' }).click()
    await warning.getByRole('button', { name: 'Send anyway' }).click()
    await expect(pane(a.page).getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible()
    expect(sends()).toBe(1)
  } finally {
    await a.context.close()
  }
})

test('a change in one agent’s inbox reaches the other’s rows, counts, title and pane at once, with its polls switched off', async ({ browser, baseURL, request }) => {
  const users = await activeUsers(request)
  const b = await newAgent(browser, baseURL)
  const a = await newAgent(browser, baseURL)
  try {
    await b.page.goto('/')
    const rows = b.page.locator('[role="row"][data-conversation-id]')
    await expect(rows.nth(8)).toBeVisible()
    // A row a few down the first page, unread and not starred: the reader's eyes are on it.
    const shown = await rows.evaluateAll((elements) => elements.slice(0, 12).map((element) => (element as HTMLElement).dataset.conversationId ?? ''))
    const firstPage = await search(request, 'status=all&limit=20')
    const target = firstPage.find((row, index) => index >= 2 && shown.includes(row.id) && !used.has(row.id) && (row.unreadCount ?? 0) > 0 && !row.starred)
    if (!target) throw new Error('no unread, unstarred conversation on the first rows')
    used.add(target.id)
    const user = users.find((candidate) => candidate.id !== target.assignedTo)
    if (!user) throw new Error('no other user')

    await rowOf(b.page, target.id).click()
    await expect(pane(b.page).getByRole('button', { name: 'Mark as read' })).toBeVisible()
    await expect(rowOf(b.page, target.id).getByText(/unread$/)).toHaveCount(1)
    await expect.poll(() => statusCount(b.page, 'Unread')).toBeGreaterThan(0)
    await expect.poll(() => statusCount(b.page, 'Starred')).toBeGreaterThanOrEqual(0)
    await expect.poll(() => titleUnread(b.page)).toBeGreaterThan(0)
    const before = {
      unread: await statusCount(b.page, 'Unread'),
      starred: await statusCount(b.page, 'Starred'),
      title: await titleUnread(b.page),
      order: await rows.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.conversationId)),
      top: (await rowOf(b.page, target.id).boundingBox())?.y,
    }
    // From now on B reads nothing of the conversations: what changes comes over the push channel.
    await b.page.route('**/api/conversations/**', (route) => (route.request().method() === 'GET' ? route.abort() : route.fallback()))

    await a.page.goto(`/conversations/${target.id}?id=${target.id}`)
    await pane(a.page).getByRole('button', { name: 'Mark as read' }).click()
    const bRow = rowOf(b.page, target.id)
    await expect(bRow.getByText(/unread$/)).toHaveCount(0)
    await expect(pane(b.page).getByRole('button', { name: 'Mark as unread' })).toBeVisible()
    await expect.poll(() => statusCount(b.page, 'Unread')).toBe(before.unread - 1)
    await expect.poll(() => titleUnread(b.page)).toBe(before.title - 1)

    await pane(a.page).getByRole('button', { name: 'Star', exact: true }).click()
    await expect(bRow.getByText('Starred', { exact: true })).toHaveCount(1)
    await expect(pane(b.page).getByRole('button', { name: 'Unstar' })).toBeVisible()
    await expect.poll(() => statusCount(b.page, 'Starred')).toBe(before.starred + 1)

    await pane(a.page).getByRole('button', { name: 'Assign' }).click()
    const dialog = a.page.getByRole('dialog', { name: 'Assign conversation' })
    await dialog.getByRole('searchbox').fill(user.name)
    await dialog.getByRole('button', { name: user.name, exact: true }).click()
    await expect(bRow).toContainText(user.name)
    await expect(pane(b.page)).toContainText(user.name)

    // Drawn in place: the rows kept their order and the one read did not move.
    expect(await rows.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.conversationId))).toEqual(before.order)
    expect((await bRow.boundingBox())?.y).toBe(before.top)
    await expect(b.page.getByRole('button', { name: /new:/ })).toHaveCount(0)
  } finally {
    await a.context.close()
    await b.context.close()
  }
})

test('eight tabs of one browser share one push stream, all live; closing the tab that holds it hands it over', async ({ browser, baseURL, request }) => {
  const target = await pick(request, 'status=all', (row) => !row.starred)
  const a = await newAgent(browser, baseURL)
  const context = await browser.newContext({ baseURL })
  const [user] = await activeUsers(request)
  if (!user) throw new Error('no user to be')
  // This browser's agent is someone: its tabs show each other to teammates, not to themselves.
  await context.addInitScript((id) => window.localStorage.setItem('highlevel-inbox:preferences', JSON.stringify({ myUserId: id })), user.id)
  const streams = watchEventStreams(context)
  try {
    await a.page.goto(`/conversations/${target.id}?id=${target.id}`)
    const tabs: Page[] = []
    for (let index = 0; index < 8; index++) {
      const tab = await context.newPage()
      await tab.goto(`/conversations/${target.id}?id=${target.id}`)
      tabs.push(tab)
    }
    await Promise.all(tabs.map((tab) => expect(pane(tab).getByRole('button', { name: 'Star', exact: true })).toBeVisible()))
    // No tab reads the conversations again: the change can only arrive over the shared stream.
    await context.route('**/api/conversations/**', (route) => (route.request().method() === 'GET' ? route.abort() : route.fallback()))
    expect(streams.open()).toBe(1)
    await expect(pane(a.page).getByRole('status').filter({ hasText: 'is viewing' })).toHaveText(`${user.name} is viewing`)
    for (const tab of [tabs[0], tabs[7]]) {
      if (tab) await expect(pane(tab).getByRole('status').filter({ hasText: 'is viewing' })).toHaveText('Someone is viewing')
    }

    await pane(a.page).getByRole('button', { name: 'Star', exact: true }).click()
    for (const tab of tabs) await expect(pane(tab).getByRole('button', { name: 'Unstar' })).toBeVisible()
    expect(streams.open()).toBe(1)

    const holder = streams.holder()
    if (!holder) throw new Error('no tab holds the stream')
    const opened = streams.opened()
    await holder.close()
    const rest = tabs.filter((tab) => tab !== holder)
    await expect.poll(() => streams.opened()).toBe(opened + 1)
    await expect.poll(() => streams.open()).toBe(1)
    expect(rest).toContain(streams.holder())

    await pane(a.page).getByRole('button', { name: 'Unstar' }).click()
    for (const tab of rest) await expect(pane(tab).getByRole('button', { name: 'Star', exact: true })).toBeVisible()
    expect(streams.open()).toBe(1)
  } finally {
    await a.context.close()
    await context.close()
  }
})
