import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'
import { conversation, search, type Row } from './support/conversations-api'
import { conversationRows } from './support/inbox'
import { withOwnServer } from './support/own-server'
import { activeUsers } from './support/team'

/**
 * What bulk jobs end with, and the ways into them besides the bar's read/star buttons: a job
 * where some items fail (its report, "Retry failed"), the keys `u`/`s`/`a` on ticked rows, the
 * bar's Assign list, and ticks kept across new arrivals. A server of its own: jobs change data.
 */
const CONVERSATIONS = 120

const test = withOwnServer(CONVERSATIONS)

test.describe.configure({ mode: 'serial' })


interface Job {
  id: string
  state: string
  total: number
  changed: number
  failed: number
  retryOf?: string
  target: { type: string; count?: number }
  failures?: { id: string; reason: string; name?: string }[]
}

const bar = (page: Page) => page.getByRole('toolbar', { name: 'Selected conversations' })
const jobs = (page: Page) => page.getByRole('region', { name: 'Bulk jobs' })
const rowOf = (page: Page, id: string) => page.locator(`[role="row"][data-conversation-id="${id}"]`)
const boxOf = (page: Page, id: string) => rowOf(page, id).getByRole('checkbox', { name: /^Select / })

async function jobList(request: APIRequestContext): Promise<Job[]> {
  const response = await request.get('/_inbox/jobs', { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { jobs: Job[] }).jobs
}

async function jobOf(request: APIRequestContext, id: string): Promise<Job> {
  const response = await request.get(`/_inbox/jobs/${id}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { job: Job }).job
}

/**
 * The first `count` rows of `query` among the top 12 (on screen as the list shows them) that pass
 * `test`; with `lone`, only those whose contact has no other conversation (an assign moves no one else).
 */
async function topRows(request: APIRequestContext, query: string, count: number, test: (row: Row) => boolean, lone = false): Promise<Row[]> {
  const picked: Row[] = []
  for (const row of await search(request, `${query}&limit=12`)) {
    if (!test(row) || (lone && (await search(request, `contactId=${row.contactId}&limit=5`)).length !== 1)) continue
    picked.push(row)
    if (picked.length === count) return picked
  }
  throw new Error(`not ${count} such conversations among the first rows of ${query}`)
}

async function tick(page: Page, rows: Row[]): Promise<void> {
  for (const row of rows) await boxOf(page, row.id).check()
  await expect(bar(page)).toContainText(`${rows.length} conversations selected`)
}

test('a job where some items fail reports which and why, and "Retry failed" runs only those again', async ({ page, request, server }) => {
  // From the end of "Unread": the rows at the top are the next tests'.
  const [first, second] = (await search(request, 'status=unread&limit=100')).slice(-2)
  if (!first || !second) throw new Error('no unread conversations')
  // An id HighLevel does not know for this location: the server refuses to write it, so that item fails.
  const stranger = 'noSuchConversation0001'
  const created = await request.post('/_inbox/jobs', {
    headers: { ...APP_HEADERS, Origin: server.url },
    data: { action: { kind: 'markRead' }, target: { type: 'selection', conversations: [{ id: first.id }, { id: stranger }, { id: second.id }] } },
  })
  expect(created.status()).toBe(201)
  const { job } = (await created.json()) as { job: Job }
  await expect.poll(async () => (await jobOf(request, job.id)).state).toBe('completed')
  const finished = await jobOf(request, job.id)
  expect(finished).toMatchObject({ total: 3, changed: 2, failed: 1 })
  expect(finished.failures).toEqual([{ id: stranger, reason: expect.stringContaining('not known to belong to location') }])

  await page.goto('/?status=unread')
  const card = jobs(page).getByRole('listitem', { name: 'Bulk job: Mark as read · 3 conversations' })
  await expect(card.getByRole('status')).toHaveText('Done: 2 conversations marked read, 1 failed')
  await card.getByText('Which failed and why').click()
  await expect(card.getByRole('listitem').filter({ hasText: stranger })).toContainText('not known to belong to location')
  // No name anywhere for an id HighLevel does not know: the id stands in, still a link into the view.
  await expect(card.getByRole('link', { name: stranger, exact: true })).toHaveAttribute('href', `/conversations/${stranger}${new URL(page.url()).search}`)

  await card.getByRole('button', { name: 'Retry failed' }).click()
  const retried = jobs(page).getByRole('listitem', { name: 'Bulk job: Mark as read · 1 conversation' })
  await expect(retried.getByRole('status')).toHaveText('Done: 0 conversations marked read, 1 failed')
  const retry = (await jobList(request)).find((candidate) => candidate.retryOf === job.id)
  expect(retry).toMatchObject({ total: 1, failed: 1, changed: 0, target: { type: 'selection', count: 1 } })
  expect((await jobOf(request, retry?.id ?? '')).failures?.map((failure) => failure.id)).toEqual([stranger])
  // The original report stays, with its own numbers.
  await expect(card.getByRole('status')).toHaveText('Done: 2 conversations marked read, 1 failed')
})

test('each failed conversation is named by its contact as the list names it, and opens in the current view', async ({ page, request, server }) => {
  const listed = await request.get('/api/users/', { headers: APP_HEADERS })
  const { users } = (await listed.json()) as { users: { id: string; deleted?: boolean }[] }
  const gone = users.find((user) => user.deleted)
  if (!gone) throw new Error('no deleted user to assign to')
  const named = (await search(request, 'status=all&limit=12')).find((row) => Boolean((row as Row & { fullName?: string }).fullName?.trim()))
  if (!named) throw new Error('no named contact among the first rows')
  // HighLevel refuses a user no longer active: every conversation of the contact fails, each one named.
  const created = await request.post('/_inbox/jobs', {
    headers: { ...APP_HEADERS, Origin: server.url },
    data: { action: { kind: 'assign', assignTo: gone.id }, target: { type: 'view', view: { contactId: named.contactId } } },
  })
  expect(created.status()).toBe(201)
  const { job } = (await created.json()) as { job: Job }
  await expect.poll(async () => (await jobOf(request, job.id)).state).toBe('completed')
  const finished = await jobOf(request, job.id)
  expect(finished.failed).toBe(finished.total)
  expect(finished.failures?.map((failure) => failure.id)).toContain(named.id)

  await page.goto(`/?contactId=${named.contactId}`)
  const rowName = ((await boxOf(page, named.id).getAttribute('aria-label')) ?? '').replace(/^Select /, '')
  const card = jobs(page).getByRole('listitem', { name: /^Bulk job: Assign to .* · whole view/ })
  await card.getByText('Which failed and why').click()
  const link = card.getByRole('listitem').filter({ hasText: 'active user of this location' }).getByRole('link', { name: rowName, exact: true })
  await expect(link).toHaveCount(finished.failed)
  const view = new URL(page.url()).search
  expect(view).toContain(`contactId=${named.contactId}`)
  const opened = `/conversations/${finished.failures?.[0]?.id ?? ''}${view}`
  await expect(link.first()).toHaveAttribute('href', opened)
  await link.first().click()
  await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe(opened)
})

test('u and s act on the ticked rows, not on the current row', async ({ page, request }) => {
  const [current] = await search(request, 'status=all&limit=1')
  if (!current) throw new Error('no conversation')
  const ticked = await topRows(request, 'status=all', 2, (row) => row.id !== current.id && (row.unreadCount ?? 0) > 0 && !row.starred)
  await page.goto('/')
  // The current row, the one the keys act on without ticks, is the first.
  await expect(rowOf(page, current.id)).toHaveAttribute('tabindex', '0')
  await tick(page, ticked)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

  await page.keyboard.press('u')
  await expect(jobs(page).getByRole('listitem', { name: 'Bulk job: Mark as read · 2 conversations' }).getByRole('status')).toHaveText(
    'Done: 2 conversations marked read',
  )
  for (const row of ticked) expect((await conversation(request, row.id)).unreadCount).toBe(0)
  expect((await conversation(request, current.id)).unreadCount).toBe(current.unreadCount)
  // A job started clears the ticks.
  await expect(bar(page)).toHaveCount(0)

  await tick(page, ticked)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('s')
  await expect(jobs(page).getByRole('listitem', { name: 'Bulk job: Star · 2 conversations' }).getByRole('status')).toHaveText('Done: 2 conversations starred')
  for (const row of ticked) expect((await conversation(request, row.id)).starred).toBe(true)
  expect((await conversation(request, current.id)).starred).toBe(current.starred)
})

test('a opens the selection bar’s Assign list; choosing a user assigns every ticked row', async ({ page, request }) => {
  const ticked = await topRows(request, 'status=all', 2, () => true, true)
  const user = (await activeUsers(request)).find((candidate) => ticked.every((row) => row.assignedTo !== candidate.id))
  if (!user) throw new Error('no user to assign to')
  await page.goto('/')
  await tick(page, ticked)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

  const assign = bar(page).getByRole('button', { name: 'Assign', exact: true })
  await page.keyboard.press('a')
  await expect(assign).toHaveAttribute('aria-expanded', 'true')
  const list = bar(page).getByRole('group', { name: 'Assignee' })
  await list.getByRole('searchbox', { name: 'Find assignee' }).fill(user.name)
  await list.getByRole('button', { name: user.name, exact: true }).click()
  await expect(list).toHaveCount(0)

  await expect(jobs(page).getByRole('listitem', { name: `Bulk job: Assign to ${user.name} · 2 conversations` }).getByRole('status')).toContainText(
    'Done: 2 conversations',
  )
  for (const row of ticked) expect((await conversation(request, row.id)).assignedTo).toBe(user.id)
  // The emulator's own search by assignee finds them.
  const assigned = new Set((await search(request, `assignedTo=${user.id}&limit=100`)).map((row) => row.id))
  for (const row of ticked) expect(assigned.has(row.id)).toBe(true)
})

test('ticks and their count survive new arrivals shown at the top', async ({ page, request }) => {
  const ticked = await topRows(request, 'status=all', 2, () => true)
  let searches = 0
  page.on('response', (response) => {
    if (response.url().includes('/api/conversations/search')) searches += 1
  })
  await page.goto('/')
  await tick(page, ticked)
  // The list and its polled first page have both been read once: arrivals are told from them.
  await expect.poll(() => searches).toBeGreaterThanOrEqual(2)

  const response = await request.post('/_emulator/arrive', { data: { count: 3 } })
  expect(response.ok()).toBe(true)
  const arrived = ((await response.json()) as { arrived: { id: string }[] }).arrived.map((row) => row.id)
  // What TanStack Query takes for the window coming back into view: the first page is read again.
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')))
  // At the very top of the list, new arrivals are put in at once.
  const topIds = () => conversationRows(page).evaluateAll((elements, count) => elements.slice(0, count).map((element) => (element as HTMLElement).dataset.conversationId ?? '').sort(), arrived.length)
  await expect.poll(topIds).toEqual([...arrived].sort())

  await expect(bar(page)).toContainText(`${ticked.length} conversations selected`)
  for (const row of ticked) await expect(boxOf(page, row.id)).toBeChecked()
  const checked = await conversationRows(page).evaluateAll((elements) =>
    elements.filter((element) => element.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).map((element) => (element as HTMLElement).dataset.conversationId),
  )
  expect(new Set(checked)).toEqual(new Set(ticked.map((row) => row.id)))
})
