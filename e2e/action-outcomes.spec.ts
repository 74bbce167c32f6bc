import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'
import { conversation, search, type Row } from './support/conversations-api'
import { withOwnServer } from './support/own-server'
import { activeUsers, statusCount, titleUnread } from './support/team'

/**
 * How a single action ends, checked on HighLevel (the emulator, through `/api`): Undo after Star
 * and Assign puts back the exact previous values; Undo cannot give a conversation back to a user
 * who is no longer active, and says so; a failed write reverts the row, the pane, the per-status
 * counts and the tab title and says why; a missing scope names the one to add. A server of its
 * own: the tests write, and set the emulator's failure and scope knobs.
 */
const test = withOwnServer(300)

test.describe.configure({ mode: 'serial' })

const rowOf = (page: Page, id: string) => page.locator(`[role="row"][data-conversation-id="${id}"]`)
const status = (page: Page) => page.getByTestId('action-status')
const pane = (page: Page) => page.getByRole('complementary', { name: 'Conversation' })
const OUT_OF_SCOPE = 'The token is not authorized for this scope.'

async function knobs(request: APIRequestContext, body: Record<string, unknown>): Promise<void> {
  const response = await request.post('/_emulator/knobs', { data: body })
  expect(response.ok(), await response.text()).toBe(true)
}

/** Every user of the location, the deleted ones too, as HighLevel lists them. */
async function allUsers(request: APIRequestContext): Promise<{ id: string; name: string; deleted?: boolean }[]> {
  const response = await request.get('/api/users/', { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { users: { id: string; name: string; deleted?: boolean }[] }).users
}

/** The first conversation passing `test` whose contact owns no other one (an assign moves no one else). */
async function lone(request: APIRequestContext, test: (row: Row) => boolean, query = 'status=all'): Promise<Row> {
  for (const row of await search(request, `${query}&limit=100`)) {
    if (test(row) && (await search(request, `contactId=${row.contactId}&limit=5`)).length === 1) return row
  }
  throw new Error('no such conversation whose contact has no other')
}

async function assignFromRow(page: Page, id: string, userName: string): Promise<void> {
  const row = rowOf(page, id)
  await row.hover()
  await row.getByRole('button', { name: 'Assign' }).click()
  const dialog = page.getByRole('dialog', { name: 'Assign conversation' })
  await dialog.getByRole('searchbox').fill(userName)
  await dialog.getByRole('button', { name: userName, exact: true }).click()
  await expect(dialog).toHaveCount(0)
}

test('Undo after Star unstars it again on HighLevel', async ({ page, request }) => {
  const [target] = await search(request, 'status=all&limit=100').then((rows) => rows.filter((row) => !row.starred))
  if (!target) throw new Error('no unstarred conversation')
  await page.goto(`/?id=${target.id}`)
  const row = rowOf(page, target.id)
  await row.hover()
  await row.getByRole('button', { name: 'Star', exact: true }).click()
  await expect.poll(async () => (await conversation(request, target.id)).starred).toBe(true)
  await expect(status(page)).toContainText('Starred')
  await status(page).getByRole('button', { name: 'Undo' }).click()
  await expect(status(page)).toContainText('Undone: Star')
  expect((await conversation(request, target.id)).starred ?? false).toBe(false)
  await expect(row.getByRole('button', { name: 'Star', exact: true })).toBeVisible()
})

test('Undo after Assign gives it back to its previous assignee on HighLevel', async ({ page, request }) => {
  const users = await activeUsers(request)
  const target = await lone(request, (row) => users.some((user) => user.id === row.assignedTo))
  const previous = users.find((user) => user.id === target.assignedTo)
  const user = users.find((candidate) => candidate.id !== target.assignedTo)
  if (!previous || !user) throw new Error('no other user')
  await page.goto(`/?id=${target.id}`)
  const row = rowOf(page, target.id)
  await expect(row).toContainText(previous.name)
  await assignFromRow(page, target.id, user.name)
  await expect.poll(async () => (await conversation(request, target.id)).assignedTo).toBe(user.id)
  await expect(row).toContainText(user.name)
  await status(page).getByRole('button', { name: 'Undo' }).click()
  await expect(status(page)).toContainText('Undone: Assign')
  expect((await conversation(request, target.id)).assignedTo).toBe(previous.id)
  await expect(row).toContainText(previous.name)
  await expect(row).not.toContainText(user.name)
})

test('Undo after assigning an unassigned conversation leaves it unassigned again on HighLevel', async ({ page, request }) => {
  const target = await lone(request, (row) => !row.assignedTo)
  const [user] = await activeUsers(request)
  if (!user) throw new Error('no active user')
  await page.goto(`/?id=${target.id}`)
  await assignFromRow(page, target.id, user.name)
  await expect.poll(async () => (await conversation(request, target.id)).assignedTo).toBe(user.id)
  await status(page).getByRole('button', { name: 'Undo' }).click()
  await expect(status(page)).toContainText('Undone: Assign')
  expect((await conversation(request, target.id)).assignedTo ?? null).toBe(null)
  await expect(rowOf(page, target.id)).not.toContainText(user.name)
})

test('Undo cannot give a conversation back to a user who is no longer active, and says so', async ({ page, request }) => {
  const deleted = (await allUsers(request)).filter((user) => user.deleted).map((user) => user.id)
  expect(deleted.length).toBeGreaterThan(0)
  const target = await lone(request, () => true, `assignedTo=${deleted.join(',')}`)
  const [user] = await activeUsers(request)
  if (!user) throw new Error('no active user')
  await page.goto(`/?id=${target.id}`)
  await assignFromRow(page, target.id, user.name)
  await expect.poll(async () => (await conversation(request, target.id)).assignedTo).toBe(user.id)
  const writes: string[] = []
  page.on('request', (sent) => {
    if (sent.method() === 'PUT') writes.push(sent.url())
  })
  await status(page).getByRole('button', { name: 'Undo' }).click()
  await expect(status(page)).toContainText('Cannot undo')
  await expect(status(page)).toContainText('is no longer an active user of this location')
  await expect(status(page).getByRole('button', { name: 'Undo' })).toHaveCount(0)
  expect(writes).toEqual([])
  expect((await conversation(request, target.id)).assignedTo).toBe(user.id)
  await expect(rowOf(page, target.id)).toContainText(user.name)
})

test('a failed write reverts the row, the pane, the per-status counts and the tab title, and says why', async ({ page, request }) => {
  const [target] = await search(request, 'status=unread&limit=100').then((rows) => rows.filter((row) => !row.starred))
  if (!target) throw new Error('no unread conversation')
  // The write is held until the optimistic change has been seen, then answered by a failing HighLevel.
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(`**/api/conversations/${target.id}`, async (route) => {
    if (route.request().method() !== 'PUT') return route.fallback()
    await held
    await route.continue()
  })
  await page.goto(`/?id=${target.id}`)
  const row = rowOf(page, target.id)
  await row.click()
  await expect(pane(page).getByRole('button', { name: 'Mark as read' })).toBeVisible()
  await expect.poll(() => statusCount(page, 'Unread')).toBe(1)
  await expect.poll(() => titleUnread(page)).toBeGreaterThan(0)
  const before = { all: await statusCount(page, 'All'), title: await titleUnread(page) }

  await pane(page).getByRole('button', { name: 'Mark as read' }).click()
  await expect(row.getByRole('button', { name: 'Mark as unread' })).toHaveCount(1)
  await expect(pane(page).getByRole('button', { name: 'Mark as unread' })).toBeVisible()
  await expect.poll(() => statusCount(page, 'Unread')).toBe(0)
  await expect.poll(() => titleUnread(page)).toBe(before.title - 1)

  await knobs(request, { failureRate: 1 })
  try {
    const answered = page.waitForResponse((response) => response.request().method() === 'PUT')
    release()
    expect((await answered).status()).toBeGreaterThanOrEqual(500)
  } finally {
    await knobs(request, {})
  }
  await expect(status(page)).toContainText('Could not mark the conversation as read')
  await expect(status(page)).toContainText(/Internal server error|Bad Gateway|Service Unavailable/)
  await expect(row.getByRole('button', { name: 'Mark as read' })).toHaveCount(1)
  await expect(pane(page).getByRole('button', { name: 'Mark as read' })).toBeVisible()
  await expect.poll(() => statusCount(page, 'Unread')).toBe(1)
  await expect.poll(() => titleUnread(page)).toBe(before.title)
  expect(await statusCount(page, 'All')).toBe(before.all)
  expect((await conversation(request, target.id)).unreadCount).toBe(target.unreadCount)
})

test.describe('a token without the scope a write needs', () => {
  test.afterEach(async ({ request }) => {
    await knobs(request, {})
  })

  test('assign names contacts.write, and the row keeps its assignee', async ({ page, request }) => {
    const users = await activeUsers(request)
    const target = await lone(request, (row) => users.some((user) => user.id === row.assignedTo))
    const previous = users.find((user) => user.id === target.assignedTo)
    const user = users.find((candidate) => candidate.id !== target.assignedTo)
    if (!previous || !user) throw new Error('no other user')
    await page.goto(`/?id=${target.id}`)
    await expect(rowOf(page, target.id)).toContainText(previous.name)
    await knobs(request, { missingScopes: ['contacts.write'] })
    await assignFromRow(page, target.id, user.name)
    await expect(status(page)).toContainText('Could not assign the conversation')
    await expect(status(page)).toContainText(OUT_OF_SCOPE)
    await expect(status(page)).toContainText('contacts.write')
    await expect(status(page)).not.toContainText('conversations.write')
    await expect(status(page)).not.toContainText('rejected the access token')
    await expect(rowOf(page, target.id)).toContainText(previous.name)
    await expect(rowOf(page, target.id)).not.toContainText(user.name)
    expect((await conversation(request, target.id)).assignedTo).toBe(previous.id)
  })

  test('star from the pane and read from the key name conversations.write, and revert', async ({ page, request }) => {
    const [target] = await search(request, 'status=unread&limit=100').then((rows) => rows.filter((row) => !row.starred))
    if (!target) throw new Error('no unread, unstarred conversation')
    await page.goto(`/?id=${target.id}`)
    await rowOf(page, target.id).click()
    await expect(pane(page).getByRole('button', { name: 'Star', exact: true })).toBeVisible()
    await knobs(request, { missingScopes: ['conversations.write'] })

    await pane(page).getByRole('button', { name: 'Star', exact: true }).click()
    await expect(status(page)).toContainText('Could not star the conversation')
    await expect(status(page)).toContainText(OUT_OF_SCOPE)
    await expect(status(page)).toContainText('conversations.write')
    await expect(status(page)).not.toContainText('contacts.write')
    await expect(pane(page).getByRole('button', { name: 'Star', exact: true })).toBeVisible()

    await pane(page).getByRole('button', { name: 'Star', exact: true }).blur()
    await page.keyboard.press('u')
    await expect(status(page)).toContainText('Could not mark the conversation as read')
    await expect(status(page)).toContainText(OUT_OF_SCOPE)
    await expect(status(page)).toContainText('conversations.write')
    await expect(pane(page).getByRole('button', { name: 'Mark as read' })).toBeVisible()
    await expect(rowOf(page, target.id).getByRole('button', { name: 'Mark as read' })).toHaveCount(1)

    const now = await conversation(request, target.id)
    expect(now.starred ?? false).toBe(false)
    expect(now.unreadCount).toBe(target.unreadCount)
  })
})
