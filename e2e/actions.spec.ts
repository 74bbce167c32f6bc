import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { startServer } from '../scripts/start-server'
import { APP_HEADERS } from './support/app-headers'
import { conversation, search, type Row } from './support/conversations-api'
import { freePort } from './support/fake-highlevel'
import { conversationRows } from './support/inbox'


async function activeUsers(request: APIRequestContext): Promise<{ id: string; name: string }[]> {
  const response = await request.get('/api/users/', { headers: APP_HEADERS })
  const { users } = (await response.json()) as { users: { id: string; name: string; deleted?: boolean }[] }
  return users.filter((user) => !user.deleted)
}

/** The n-th conversation (0-based) matching `query`, so each test acts on one of its own. */
async function pick(request: APIRequestContext, query: string, n: number, test: (row: Row) => boolean = () => true): Promise<Row> {
  const row = (await search(request, `${query}&limit=100`)).filter(test)[n]
  if (!row) throw new Error(`no conversation #${n} for ${query}`)
  return row
}

const rowOf = (page: Page, id: string) => page.locator(`[role="row"][data-conversation-id="${id}"]`)
const status = (page: Page) => page.getByTestId('action-status')
const pane = (page: Page) => page.getByRole('complementary', { name: 'Conversation' })

test('from a row: mark as read keeps the row in "Unread", never opens it, and Undo brings back the exact count', async ({ page, request }) => {
  const target = await pick(request, 'status=unread', 0, (row) => (row.unreadCount ?? 0) >= 2)
  await page.goto(`/?status=unread&id=${target.id}`)
  const row = rowOf(page, target.id)
  await row.hover()
  await row.getByRole('button', { name: 'Mark as read' }).click()
  await expect(row.getByRole('button', { name: 'Mark as unread' })).toBeVisible()
  await expect(row).toBeVisible()
  await expect(page).not.toHaveURL(/conversations\//)
  await expect.poll(async () => (await conversation(request, target.id)).unreadCount).toBe(0)
  await expect(status(page)).toContainText('Marked as read')

  await status(page).getByRole('button', { name: 'Undo' }).click()
  await expect.poll(async () => (await conversation(request, target.id)).unreadCount).toBe(target.unreadCount)
  await expect(row.getByRole('button', { name: 'Mark as read' })).toBeVisible()
})

test('from a row: star and unstar', async ({ page, request }) => {
  const target = await pick(request, 'status=all', 1, (row) => !row.starred)
  await page.goto(`/?id=${target.id}`)
  const row = rowOf(page, target.id)
  await row.hover()
  await row.getByRole('button', { name: 'Star', exact: true }).click()
  await expect.poll(async () => (await conversation(request, target.id)).starred).toBe(true)
  await row.getByRole('button', { name: 'Unstar' }).click()
  await expect.poll(async () => (await conversation(request, target.id)).starred).toBe(false)
  await expect(page).not.toHaveURL(/conversations\//)
})

test('from the pane: read state, star and assign', async ({ page, request }) => {
  const target = await pick(request, 'status=read', 2, (row) => !row.starred)
  const user = (await activeUsers(request)).find((candidate) => candidate.id !== target.assignedTo)
  if (!user) throw new Error('no other user')
  await page.goto(`/?id=${target.id}`)
  await rowOf(page, target.id).click()
  await pane(page).getByRole('button', { name: 'Mark as unread' }).click()
  await expect.poll(async () => (await conversation(request, target.id)).unreadCount).toBe(1)
  await pane(page).getByRole('button', { name: 'Mark as read' }).click()
  await expect.poll(async () => (await conversation(request, target.id)).unreadCount).toBe(0)
  await pane(page).getByRole('button', { name: 'Star', exact: true }).click()
  await expect.poll(async () => (await conversation(request, target.id)).starred).toBe(true)

  await pane(page).getByRole('button', { name: 'Assign' }).click()
  const dialog = page.getByRole('dialog', { name: 'Assign conversation' })
  await dialog.getByRole('searchbox').fill(user.name)
  await dialog.getByRole('button', { name: user.name, exact: true }).click()
  await expect.poll(async () => (await conversation(request, target.id)).assignedTo).toBe(user.id)
  await expect(dialog).toHaveCount(0)
})

test('keys from a fresh load: j, then u, s and a act on the current row', async ({ page, request }) => {
  const target = await pick(request, 'status=unread', 3, (row) => !row.starred)
  await page.goto(`/?id=${target.id}`)
  await expect(rowOf(page, target.id)).toBeVisible()
  await page.keyboard.press('j')
  await page.keyboard.press('u')
  await expect.poll(async () => (await conversation(request, target.id)).unreadCount).toBe(0)
  await page.keyboard.press('s')
  await expect.poll(async () => (await conversation(request, target.id)).starred).toBe(true)
  await page.keyboard.press('a')
  const dialog = page.getByRole('dialog', { name: 'Assign conversation' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Unassigned' }).click()
  await expect.poll(async () => (await conversation(request, target.id)).assignedTo ?? null).toBe(null)
  await expect(page).not.toHaveURL(/conversations\//)

  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  for (const text of ['Mark as read or unread', 'Star or unstar', 'Assign']) await expect(help).toContainText(text)
})

test('assigning says first that it also reassigns the contact’s other conversation, then moves both', async ({ page, request }) => {
  let pair: Row[] | undefined
  for (const row of await search(request, 'status=all&limit=100')) {
    const ofContact = await search(request, `contactId=${row.contactId}`)
    if (ofContact.length === 2) {
      pair = ofContact
      break
    }
  }
  if (!pair) throw new Error('no contact with two conversations')
  const [first, other] = pair as [Row, Row]
  const user = (await activeUsers(request)).find((candidate) => candidate.id !== first.assignedTo)
  if (!user) throw new Error('no other user')
  await page.goto(`/?id=${first.id}`)
  const row = rowOf(page, first.id)
  await row.hover()
  await row.getByRole('button', { name: 'Assign' }).click()
  const dialog = page.getByRole('dialog', { name: 'Assign conversation' })
  await expect(dialog).toContainText('Also reassigns 1 other conversation')
  await dialog.getByRole('button', { name: user.name, exact: true }).click()
  await expect.poll(async () => (await conversation(request, first.id)).assignedTo).toBe(user.id)
  expect((await conversation(request, other.id)).assignedTo).toBe(user.id)
  await expect(row).toContainText(user.name)
})

test('a write HighLevel refuses for its scope reverts and names the scope', async ({ page, request }) => {
  const target = await pick(request, 'status=all', 4, (row) => !row.starred)
  await page.route('**/api/conversations/*', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 401, json: { statusCode: 401, message: 'The token is not authorized for this scope.' } })
      : route.fallback(),
  )
  await page.goto(`/?id=${target.id}`)
  const row = rowOf(page, target.id)
  await row.hover()
  await row.getByRole('button', { name: 'Star', exact: true }).click()
  await expect(status(page)).toContainText('Could not star the conversation')
  await expect(status(page)).toContainText('The token is not authorized for this scope.')
  await expect(status(page)).toContainText('conversations.write')
  await expect(status(page)).not.toContainText('rejected the access token')
  await expect(row.getByRole('button', { name: 'Star', exact: true })).toBeVisible()
  expect((await conversation(request, target.id)).starred ?? false).toBe(false)
})

test('a failing HighLevel reverts the change and says so', async ({ page, request }) => {
  const target = await pick(request, 'status=unread', 5)
  await page.goto(`/?id=${target.id}`)
  await expect(rowOf(page, target.id)).toBeVisible()
  expect((await request.post('/_emulator/knobs', { data: { failureRate: 1 } })).ok()).toBe(true)
  try {
    const row = rowOf(page, target.id)
    await row.hover()
    await row.getByRole('button', { name: 'Mark as read' }).click()
    await expect(status(page)).toContainText('Could not mark the conversation as read')
    await expect(row.getByRole('button', { name: 'Mark as read' })).toBeVisible()
  } finally {
    await request.post('/_emulator/knobs', { data: {} })
  }
  expect((await conversation(request, target.id)).unreadCount).toBe(target.unreadCount)
})

test('closing the pane puts focus back on the row that was open', async ({ page, request }) => {
  const target = await pick(request, 'status=all', 6)
  await page.goto(`/?id=${target.id}`)
  await rowOf(page, target.id).click()
  await pane(page).getByRole('button', { name: 'Assign' }).focus()
  await page.keyboard.press('Escape')
  await expect(pane(page)).toHaveCount(0)
  await expect(rowOf(page, target.id)).toBeFocused()
})

test('phone width: two-line cards with touchable actions, the pane full-screen with a way back', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const target = await pick(request, 'status=all', 7, (row) => !row.starred)
  await page.goto(`/?id=${target.id}`)
  const row = rowOf(page, target.id)
  await expect(row).toBeVisible()
  expect((await row.boundingBox())?.width).toBeLessThanOrEqual(390)
  await expect(page.getByRole('columnheader', { name: 'Channel' })).toBeHidden()
  await row.getByRole('button', { name: 'Star', exact: true }).click()
  await expect.poll(async () => (await conversation(request, target.id)).starred).toBe(true)

  await row.click({ position: { x: 40, y: 20 } })
  await expect(pane(page)).toBeVisible()
  expect((await pane(page).boundingBox())?.width).toBe(390)
  await pane(page).getByRole('button', { name: 'Back to conversations' }).click()
  await expect(pane(page)).toHaveCount(0)
  await expect(row).toBeFocused()
})

test.describe('read-only server', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  test.beforeAll(async () => {
    server = await startServer(await freePort(), { GHL_READ_ONLY: '1', EMULATOR_CONVERSATIONS: '200', PROXY_RATE_LIMIT: 'off' })
  })
  test.afterAll(async () => {
    await server?.stop()
  })

  test('offers no action, and the keys change nothing', async ({ page }) => {
    const writes: string[] = []
    page.on('request', (request) => {
      // Presence beats are the inbox server's own; a write is a non-GET towards HighLevel.
      if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/')) writes.push(request.url())
    })
    await page.goto(`${server?.url}/`)
    const first = conversationRows(page).first()
    await expect(first).toBeVisible()
    await first.hover()
    await expect(page.getByRole('button', { name: /^(Mark as read|Mark as unread|Star|Unstar|Assign)$/ })).toHaveCount(0)
    await page.keyboard.press('j')
    await page.keyboard.press('u')
    await page.keyboard.press('a')
    await expect(page.getByRole('dialog', { name: 'Assign conversation' })).toHaveCount(0)
    await first.click()
    await expect(pane(page)).toBeVisible()
    await expect(pane(page).getByRole('button', { name: /^(Mark as read|Mark as unread|Star|Unstar|Assign)$/ })).toHaveCount(0)
    expect(writes).toEqual([])
  })
})

test('"Mark as read when opened" is off by default, and when on, opening marks read', async ({ page, request }) => {
  const [left, marked] = [await pick(request, 'status=unread', 8), await pick(request, 'status=unread', 9)]
  await page.goto(`/?id=${left.id}`)
  await rowOf(page, left.id).click()
  await expect(pane(page).getByRole('button', { name: 'Mark as read' })).toBeVisible()
  expect((await conversation(request, left.id)).unreadCount).toBe(left.unreadCount)

  await page.getByRole('button', { name: 'Preferences' }).click()
  await page.getByRole('checkbox', { name: 'Mark as read when opened' }).check()
  await page.keyboard.press('Escape')
  await page.goto(`/?id=${marked.id}`)
  await rowOf(page, marked.id).click()
  await expect.poll(async () => (await conversation(request, marked.id)).unreadCount).toBe(0)
  await expect(pane(page).getByRole('button', { name: 'Mark as unread' })).toBeVisible()
})
