import { expect, test, type Page, type Response } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { APP_HEADERS } from './support/app-headers'
import { conversationRows, openFromAnotherSite } from './support/inbox'

interface WireConversation {
  assignedTo?: string | null
  unreadCount?: number | null
  lastMessageType?: string | null
}

const rows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('gridcell') })

/** The next answer to a search whose parameters pass `matches`. */
function nextSearch(page: Page, matches: (params: URLSearchParams) => boolean): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url())
    return url.pathname === '/api/conversations/search' && !url.searchParams.has('startAfterDate') && matches(url.searchParams)
  })
}

async function conversationsOf(response: Response): Promise<WireConversation[]> {
  expect(response.ok()).toBe(true)
  const body = (await response.json()) as { conversations: WireConversation[] }
  return body.conversations
}

async function firstUser(page: Page): Promise<{ id: string; name: string }> {
  const response = await page.request.get('/api/users/', { headers: APP_HEADERS })
  const { users } = (await response.json()) as { users: { id: string; name: string; deleted?: boolean }[] }
  const user = users.filter((candidate) => !candidate.deleted).sort((a, b) => a.name.localeCompare(b.name))[0]
  if (!user) throw new Error('the emulator has no users')
  return user
}

const assigneeGroup = (page: Page) => page.getByRole('group', { name: 'Assignee' })

test('filtering by assignee puts the user id in the URL and shows only their conversations', async ({ page }) => {
  const user = await firstUser(page)
  await page.goto('/')
  await expect(rows(page).first()).toBeVisible()

  const filtered = nextSearch(page, (params) => params.get('assignedTo') === user.id)
  await assigneeGroup(page).getByRole('checkbox', { name: user.name, exact: true }).check()
  await expect(page).toHaveURL(`/?assignedTo=${user.id}`)
  const conversations = await conversationsOf(await filtered)
  expect(conversations.length).toBeGreaterThan(0)
  expect(conversations.every((conversation) => conversation.assignedTo === user.id)).toBe(true)
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`Assignee:${user.name}`)
  await expect(page).toHaveTitle(new RegExp(`Assignee: ${user.name}`))

  const withUnassigned = nextSearch(page, (params) => params.get('assignedTo') === `${user.id},unassigned`)
  await assigneeGroup(page).getByRole('checkbox', { name: 'Unassigned' }).check()
  await expect(page).toHaveURL(`/?assignedTo=${user.id},unassigned`)
  const mixed = await conversationsOf(await withUnassigned)
  expect(mixed.every((conversation) => conversation.assignedTo === user.id || !conversation.assignedTo)).toBe(true)

  await page.getByRole('button', { name: `Remove Assignee: ${user.name}` }).click()
  await expect(page).toHaveURL('/?assignedTo=unassigned')
  await expect(assigneeGroup(page).getByRole('checkbox', { name: user.name, exact: true })).not.toBeChecked()
})

test('an assignee id with no known user is kept, sent, and shown as the id', async ({ page }) => {
  const filtered = nextSearch(page, (params) => params.get('assignedTo') === 'formerAgent42')
  await page.goto('/?assignedTo=formerAgent42')
  await filtered
  await expect(page).toHaveURL('/?assignedTo=formerAgent42')
  await expect(assigneeGroup(page).getByRole('checkbox', { name: 'formerAgent42' })).toBeChecked()
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Assignee:formerAgent42')
})

test('filtering by status shows only matching conversations; Back and Forward step through each change', async ({ page }) => {
  await page.goto('/')
  await expect(rows(page).first()).toBeVisible()

  const unread = nextSearch(page, (params) => params.get('status') === 'unread')
  await page.getByRole('radio', { name: 'Unread' }).check()
  await expect(page).toHaveURL('/?status=unread')
  const conversations = await conversationsOf(await unread)
  expect(conversations.length).toBeGreaterThan(0)
  expect(conversations.every((conversation) => (conversation.unreadCount ?? 0) > 0)).toBe(true)

  await page.getByLabel('Last message channel').selectOption({ label: 'Email' })
  await expect(page).toHaveURL('/?status=unread&lastMessageType=TYPE_EMAIL')

  await page.goBack()
  await expect(page).toHaveURL('/?status=unread')
  await expect(page.getByLabel('Last message channel')).toHaveValue('')
  await expect(page.getByRole('radio', { name: 'Unread' })).toBeChecked()

  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('radio', { name: 'All' })).toBeChecked()
  await expect(page).toHaveTitle(/^\([\d,]+\) Inbox$/)

  await page.goForward()
  await expect(page).toHaveURL('/?status=unread')
  await expect(page.getByRole('radio', { name: 'Unread' })).toBeChecked()
  await expect(page).toHaveTitle(/^\([\d,]+\) Status: Unread — Inbox$/)
})

test('typing replaces the history entry instead of adding one per keystroke', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('radio', { name: 'Starred' }).check()
  await expect(page).toHaveURL('/?status=starred')
  await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('invoice')
  await expect(page).toHaveURL('/?query=invoice&status=starred')
  await page.goBack()
  await expect(page).toHaveURL('/')
})

test('a view survives a reload, and a bookmarked URL opens exactly that view', async ({ page }) => {
  const user = await firstUser(page)
  const bookmark = `/?assignedTo=${user.id}&lastMessageType=TYPE_SMS&lastMessageDirection=inbound&sort=asc&limit=20`

  // The list's request, not a count's (`limit=1`): the app's own, as a link from elsewhere opens
  // it (opened from here or typed, the server reads the same page: see server/ssr).
  const first = nextSearch(page, (params) => params.get('limit') !== '1')
  await openFromAnotherSite(page, bookmark)
  const sent = new URL((await first).url()).searchParams
  expect(Object.fromEntries(sent)).toEqual({
    assignedTo: user.id,
    lastMessageType: 'TYPE_SMS',
    lastMessageDirection: 'inbound',
    sort: 'asc',
    sortBy: 'last_message_date',
    limit: '20',
  })
  await expect(page).toHaveURL(bookmark)
  await expect(page.getByRole('status').filter({ hasText: 'could not be used' })).toHaveCount(0)

  const controls = async () => {
    await expect(assigneeGroup(page).getByRole('checkbox', { name: user.name, exact: true })).toBeChecked()
    await expect(page.getByLabel('Last message channel')).toHaveValue('TYPE_SMS')
    await expect(page.getByRole('radio', { name: 'Inbound' })).toBeChecked()
    await expect(page.getByRole('radio', { name: 'Oldest first' })).toBeChecked()
    await expect(page.getByLabel('Page size (1–100)')).toHaveValue('20')
  }
  await controls()
  await expect(page).toHaveTitle(new RegExp(`^\\([\\d,]+\\) Assignee: ${user.name} · Channel: SMS · Direction: Inbound \\+2 — Inbox$`))

  await page.reload()
  await expect(page).toHaveURL(bookmark)
  await controls()
})

test('a garbage URL is cleaned before anything reaches the API, and the person is told what was ignored', async ({ page }) => {
  const sent: URLSearchParams[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/conversations/search') sent.push(url.searchParams)
  })
  const longQuery = 'x'.repeat(260)
  await page.goto(
    `/?status=bogus&limit=-5&sort=sideways&lastMessageType=TYPE_NOPE&scoreProfileMin=90&scoreProfileMax=10&query=${longQuery}&locationId=elsewhere`,
  )

  const notice = page.getByRole('status').filter({ hasText: 'could not be used' })
  await expect(notice).toContainText('status=bogus — ignored: not a status')
  await expect(notice).toContainText('limit=-5 — ignored: must be from 1 to 100')
  await expect(notice).toContainText('sort=sideways — ignored: not a sort order')
  await expect(notice).toContainText('lastMessageType=TYPE_NOPE — ignored: not a known channel')
  await expect(notice).toContainText('scoreProfileMin, scoreProfileMax=90, 10 — corrected')
  await expect(notice).toContainText('query=xxx')
  await expect(notice).toContainText('shortened to the first 200')
  await expect(notice).toContainText('locationId=elsewhere — ignored: the location is set by the server')
  await expect(page).toHaveURL(`/?query=${'x'.repeat(200)}&scoreProfileMin=10&scoreProfileMax=90`)
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Min score:10')

  await expect.poll(() => sent.length).toBeGreaterThan(0)
  for (const params of sent) {
    expect(params.get('sort')).toBe('desc')
    expect(params.get('lastMessageType')).toBeNull()
    expect(params.get('locationId')).toBeNull()
    expect(params.get('status')).not.toBe('bogus')
    // Counts (status tabs, unread in the title) ask for one row and set their own status.
    if (params.get('limit') === '1') continue
    expect(params.get('status')).toBeNull()
    expect(params.get('limit')).toBe('50')
    expect(params.get('query')).toHaveLength(200)
  }

  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toHaveCount(0)
})

test('chips remove one filter each, and "Clear all" returns to the plain inbox', async ({ page }) => {
  await page.goto('/?status=read&lastMessageDirection=outbound&lastMessageAction=automated')
  await page.getByRole('button', { name: 'Remove Direction: Outbound' }).click()
  await expect(page).toHaveURL('/?status=read&lastMessageAction=automated')
  await expect(page.getByRole('radio', { name: 'Any' }).first()).toBeChecked()
  await page.getByRole('button', { name: 'Clear all' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByText('All conversations')).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL('/?status=read&lastMessageAction=automated')
})

test('the date-added range is written as local-day bounds in epoch ms', async ({ page }) => {
  await page.goto('/')
  const [start, end] = await page.evaluate(() => [new Date(2026, 9, 1).getTime(), new Date(2026, 9, 31, 23, 59, 59, 999).getTime()])
  const filtered = nextSearch(page, (params) => params.get('startDate') === String(start) && params.get('endDate') === String(end))
  await page.getByLabel('From', { exact: true }).fill('2026-10-01')
  await expect(page).toHaveURL(`/?startDate=${start}`)
  await page.getByLabel('To', { exact: true }).fill('2026-10-31')
  await expect(page).toHaveURL(`/?startDate=${start}&endDate=${end}`)
  await filtered
  await page.reload()
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-10-01')
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2026-10-31')
})

test('on a narrow screen the filters fold away behind a button', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 800 })
  await page.goto('/?status=unread')
  const sidebar = page.getByRole('complementary', { name: 'Filters' })
  await expect(sidebar).toBeHidden()
  await page.getByRole('button', { name: /^Filters/ }).click()
  await expect(sidebar).toBeVisible()
  await expect(sidebar.getByRole('radio', { name: 'Unread' })).toBeChecked()
  await page.keyboard.press('Escape')
  await expect(sidebar).toBeHidden()
})

const conversationPane = (page: Page) => page.getByRole('complementary', { name: 'Conversation' })

/** Opens the first row's conversation by clicking it; answers its id. */
async function openFirstRow(page: Page): Promise<string> {
  const row = conversationRows(page).first()
  const id = (await row.getAttribute('data-conversation-id')) ?? ''
  expect(id).not.toBe('')
  await row.click()
  await expect(conversationPane(page).getByRole('button', { name: 'Close conversation' })).toBeVisible()
  return id
}

test('the view is kept while a conversation is opened, changed under and closed', async ({ page }) => {
  await page.goto('/?status=unread&sort=asc')
  await expect(conversationPane(page)).toHaveCount(0)
  const id = await openFirstRow(page)
  await expect(page).toHaveURL(`/conversations/${id}?status=unread&sort=asc`)
  await expect(page.getByRole('radio', { name: 'Unread' })).toBeChecked()

  await page.getByRole('radio', { name: 'Read', exact: true }).check()
  await expect(page).toHaveURL(`/conversations/${id}?status=read&sort=asc`)
  await expect(conversationPane(page)).toBeVisible()

  await conversationPane(page).getByRole('button', { name: 'Close conversation' }).click()
  await expect(page).toHaveURL('/?status=read&sort=asc')
  await expect(conversationPane(page)).toHaveCount(0)
  await expect(page.getByRole('radio', { name: 'Read', exact: true })).toBeChecked()
  await expect(page.getByRole('radio', { name: 'Oldest first' })).toBeChecked()
})

test('Back after opening a conversation returns to the view with its parameters, the pane closed', async ({ page }) => {
  await page.goto('/?status=unread&sort=asc')
  await expect(conversationRows(page).first()).toBeVisible()
  const id = await openFirstRow(page)
  await expect(page).toHaveURL(`/conversations/${id}?status=unread&sort=asc`)

  await page.goBack()
  await expect(page).toHaveURL('/?status=unread&sort=asc')
  await expect(conversationPane(page)).toHaveCount(0)
  await expect(page.getByRole('radio', { name: 'Unread' })).toBeChecked()
  await expect(page.getByRole('radio', { name: 'Oldest first' })).toBeChecked()
  await expect(conversationRows(page).first()).toHaveAttribute('data-conversation-id', id)
})

for (const mode of ['light', 'dark'] as const) {
  test(`the filters, chips and notice pass an accessibility audit in ${mode} mode`, async ({ page }) => {
    await page.goto('/?status=unread&assignedTo=unassigned&status=bogus')
    await expect(page.getByRole('status').filter({ hasText: 'could not be used' })).toBeVisible()
    if (mode === 'dark') await page.evaluate(() => document.documentElement.classList.add('dark'))
    const audit = await new AxeBuilder({ page })
      .include('#filters')
      .include('[aria-label="Active filters"]')
      .include('[role="status"]')
      .analyze()
    expect(audit.violations).toEqual([])
  })
}
