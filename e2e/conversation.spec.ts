import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'
import { serveAppUrl } from './support/inbox'

interface Row {
  id: string
  fullName?: string
}

async function searchRows(request: APIRequestContext, query: string): Promise<Row[]> {
  const response = await request.get(`/api/conversations/search?${query}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { conversations: Row[] }).conversations
}

/** A conversation whose history is longer than one page of messages. */
async function conversationWithOlderMessages(request: APIRequestContext): Promise<Row> {
  for (const row of await searchRows(request, 'limit=100')) {
    const response = await request.get(`/api/conversations/${row.id}/messages?limit=20`, { headers: APP_HEADERS })
    const body = (await response.json()) as { messages: { nextPage: boolean } }
    if (body.messages.nextPage) return row
  }
  throw new Error('The emulator has no conversation with more than 20 messages among the first 100')
}

const pane = (page: Page) => page.getByRole('region').filter({ has: page.getByRole('button', { name: 'Close conversation' }) })
const messageItems = (page: Page) =>
  pane(page).getByRole('list', { name: 'Messages, newest first' }).locator(':scope > li')

test.describe('the conversation pane', () => {
  test('opens from the URL, keeps the view, and survives a reload', async ({ page, request }) => {
    const [row] = await searchRows(request, 'status=unread&limit=1')
    if (!row) throw new Error('no unread conversation')
    await page.goto(`/conversations/${row.id}?status=unread`)
    await expect(pane(page).getByRole('heading', { level: 2 })).toHaveText(row.fullName?.trim() || /.+/)
    await expect(messageItems(page).first()).toBeVisible()

    await page.reload()
    await expect(page).toHaveURL(new RegExp(`/conversations/${row.id}\\?status=unread$`))
    await expect(messageItems(page).first()).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Unread' })).toBeChecked()
  })

  test('links to the conversation in HighLevel under the configured app URL', async ({ page, request }) => {
    const [row] = await searchRows(request, 'limit=1')
    if (!row) throw new Error('no conversation')
    // The emulator has no HighLevel app to link to; a live server sends GHL_APP_URL.
    await serveAppUrl(page, 'https://app.example-agency.com')
    await page.goto('/')
    await page.locator(`[role="row"][data-conversation-id="${row.id}"]`).click()
    const link = pane(page).getByRole('link', { name: 'Open in HighLevel' })
    await expect(link).toHaveAttribute(
      'href',
      new RegExp(`^https://app\\.example-agency\\.com/v2/location/[^/]+/conversations/conversations/${row.id}$`),
    )
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  })

  test('shows the newest messages first and loads older ones on request', async ({ page, request }) => {
    const row = await conversationWithOlderMessages(request)
    const cursors: string[] = []
    page.on('request', (sent) => {
      const url = new URL(sent.url())
      if (url.pathname.endsWith('/messages') && url.searchParams.has('lastMessageId')) cursors.push(url.search)
    })
    await page.goto(`/conversations/${row.id}`)
    await expect(messageItems(page)).toHaveCount(20)
    const times = await messageItems(page).locator('time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''))
    expect(times).toEqual([...times].sort().reverse())

    await pane(page).getByRole('button', { name: 'Load older messages' }).click()
    await expect.poll(() => messageItems(page).count()).toBeGreaterThan(20)
    expect(cursors).toHaveLength(1)
  })

  test('Esc closes it and keeps the view; not while typing in the search box', async ({ page, request }) => {
    const [row] = await searchRows(request, 'status=unread&limit=1')
    if (!row) throw new Error('no unread conversation')
    await page.goto(`/conversations/${row.id}?status=unread`)
    await expect(messageItems(page).first()).toBeVisible()

    await page.getByRole('searchbox', { name: 'Search' }).focus()
    await page.keyboard.press('Escape')
    await expect(pane(page)).toBeVisible()

    await pane(page).getByRole('heading', { level: 2 }).click()
    await page.keyboard.press('Escape')
    await expect(pane(page)).toBeHidden()
    await expect(page).toHaveURL(/\/\?status=unread$/)
  })

  test('says when there are no messages, and offers Retry after a failure', async ({ page, request }) => {
    const [row] = await searchRows(request, 'limit=1')
    if (!row) throw new Error('no conversation')
    let failing = true
    await page.route(`**/api/conversations/${row.id}/messages*`, (route) =>
      failing
        ? route.fulfill({ status: 429, headers: { 'Retry-After': '0' }, json: { statusCode: 429, message: 'Too Many Requests' } })
        : route.fulfill({ json: { messages: { lastMessageId: '', nextPage: false, messages: [] } } }),
    )
    await page.goto(`/conversations/${row.id}`)
    const alert = pane(page).getByRole('alert')
    await expect(alert).toContainText('Could not load the messages')
    failing = false
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(pane(page).getByText('No messages in this conversation yet.')).toBeVisible()
  })

  test('says so when the conversation does not exist', async ({ page }) => {
    await page.goto('/conversations/doesNotExist123')
    await expect(pane(page).getByRole('alert').first()).toContainText('Conversation not found')
  })
})

test.describe('hostile message content', () => {
  const HOSTILE_BODIES: [contentType: string, body: string][] = [
    ['text/plain', '<script>alert("xss")</script>Hi there'],
    ['text/html', '<p>Claim <a href="javascript:alert(document.cookie)">your prize</a></p><img src=x onerror=alert(1)>'],
    ['text/html', '<iframe src="https://evil.example"></iframe><style>*{color:red}</style><b>bold</b> text'],
    ['text/plain', 'Invoice total \u202e0001$\u202c please pay \u0000\u0007\u001b[31mred'],
    ['text/plain', 'مرحبا، هل الموعد ما زال قائما؟ 👩‍👩‍👧‍👦 🏳️‍🌈'],
    ['text/plain', 'Supercalifragilistic'.repeat(40)],
    ['text/html', `<p>${'Lorem ipsum dolor sit amet. '.repeat(4000)}</p>`],
  ]

  /** The first conversation, its messages replaced by hostile ones. */
  async function openWithHostileMessages(page: Page, request: APIRequestContext): Promise<void> {
    const [row] = await searchRows(request, 'limit=1')
    if (!row) throw new Error('no conversation')
    await page.route(`**/api/conversations/${row.id}/messages*`, (route) =>
      route.fulfill({
        json: {
          messages: {
            lastMessageId: 'm6',
            nextPage: false,
            messages: HOSTILE_BODIES.map(([contentType, body], index) => ({
              id: `m${index}`,
              type: 3,
              messageType: 'TYPE_EMAIL',
              direction: 'inbound',
              contentType,
              body,
              dateAdded: new Date(Date.UTC(2026, 10, 2, 12, 0, -index)).toISOString(),
              attachments: ['javascript:alert(1)', 'https://storage.example.com/a.jpg'],
            })),
          },
        },
      }),
    )
    await page.goto(`/conversations/${row.id}`)
    await expect(messageItems(page)).toHaveCount(HOSTILE_BODIES.length)
  }

  test('is shown as text: no markup, no script, no javascript: links', async ({ page, request }) => {
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await openWithHostileMessages(page, request)
    await expect(pane(page).locator('script, img, iframe, style, b')).toHaveCount(0)
    const hrefs = await pane(page).locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
    expect(hrefs.filter((href) => !/^https?:/.test(href))).toEqual([])
    const bodies = messageItems(page).getByTestId('message-body')
    await expect(bodies.nth(0)).toHaveText('<script>alert("xss")</script>Hi there')
    await expect(bodies.nth(1)).toHaveText('Claim your prize')
    await expect(bodies.nth(2)).toHaveText('bold text')
    await expect(bodies.nth(3)).toHaveText('Invoice total 0001$ please pay [31mred')
    await expect(bodies.nth(4)).toHaveAttribute('dir', 'auto')
    expect(dialogs).toEqual([])
  })

  test('cuts a huge body for display, and a long word cannot widen the pane', async ({ page, request }) => {
    await openWithHostileMessages(page, request)
    const huge = messageItems(page).nth(6)
    const showAll = huge.getByRole('button', { name: /Show full message/ })
    await expect(showAll).toBeVisible()
    const cutLength = (await huge.getByTestId('message-body').textContent())?.length ?? 0
    expect(cutLength).toBeLessThan(5_000)
    const overflow = await pane(page).evaluate((element) => element.scrollWidth - element.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)

    await showAll.click()
    await expect(showAll).toBeHidden()
    expect((await huge.getByTestId('message-body').textContent())?.length).toBeGreaterThan(100_000)
  })
})

test.describe("the emulator's hostile data set", () => {
  test.beforeEach(async ({ request }) => {
    expect((await request.post('/_emulator/dataset', { data: { fixture: 'hostile' } })).ok()).toBe(true)
  })
  test.afterEach(async ({ request }) => {
    expect((await request.post('/_emulator/dataset', { data: { fixture: 'generated' } })).ok()).toBe(true)
  })

  test('names and bodies stay text, control characters go, long names cannot widen the pane', async ({ page }) => {
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto('/conversations/hostile0000000000001')
    const heading = pane(page).getByRole('heading', { level: 2 })
    await expect(heading).toHaveText('<b>Bold</b> <img src=x onerror=alert(1)>')
    await expect(messageItems(page).first()).toBeVisible()
    await expect(pane(page).locator('script, img, b')).toHaveCount(0)

    await page.goto('/conversations/hostile0000000000008')
    await expect(heading).toHaveText('ControlNullBell')

    await page.goto('/conversations/hostile0000000000010')
    await expect(messageItems(page).first()).toBeVisible()
    expect(await pane(page).evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0)
    expect(dialogs).toEqual([])
  })
})

test.describe('keyboard', () => {
  test('? lists every shortcut in a dialog that Esc closes, leaving the pane open', async ({ page, request }) => {
    const [row] = await searchRows(request, 'limit=1')
    if (!row) throw new Error('no conversation')
    await page.goto(`/conversations/${row.id}`)
    await expect(messageItems(page).first()).toBeVisible()

    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(dialog).toBeVisible()
    for (const action of ['Select the next conversation', 'Select the previous conversation', 'Open the selected conversation', 'Close the open conversation', 'Search', 'Show these shortcuts']) {
      await expect(dialog.getByRole('cell', { name: action, exact: true })).toBeVisible()
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(pane(page)).toBeVisible()
  })

  test('/ focuses the search box, and shortcuts stay quiet while typing there', async ({ page }) => {
    await page.goto('/')
    await page.locator('body').click()
    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: 'Search' })
    await expect(search).toBeFocused()
    await page.keyboard.type('a?j/')
    await expect(search).toHaveValue('a?j/')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
  })
})
