import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { conversationRows } from './support/inbox'
import { APP_HEADERS } from './support/app-headers'

// The list's own count; the status tabs carry counts of their own.
const matchCount = (page: Page) => page.getByRole('region', { name: 'Inbox' }).getByText(/^[\d,]+ conversations?$/)

async function searchRows(request: APIRequestContext, query: string): Promise<{ id: string; fullName?: string }[]> {
  const response = await request.get(`/api/conversations/search?${query}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { conversations: { id: string; fullName?: string }[] }).conversations
}

/** The ids of the conversation rows drawn, top to bottom. */
const shownIds = (page: Page) =>
  conversationRows(page).evaluateAll((nodes) =>
    nodes
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((node) => node.getAttribute('data-conversation-id')),
  )

/** The highest row number drawn: the list is virtualized, so it tells how far it is loaded. */
const lastRowIndex = (page: Page) =>
  conversationRows(page).evaluateAll((nodes) => Math.max(0, ...nodes.map((node) => Number(node.getAttribute('aria-rowindex')))))

test('the inbox shows conversations from the emulator', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('Demo data')).toBeVisible()
  await expect(conversationRows(page).first()).toBeVisible()
  await expect(matchCount(page)).toBeVisible()
})

test('typing a search writes the URL, changes the rows, and survives a reload', async ({ page, request }) => {
  // The oldest conversation is far from the first page: only the search can bring it to the top.
  const [oldest] = await searchRows(request, 'sort=asc&limit=1')
  const term = oldest?.fullName?.trim() ?? ''
  expect(term).not.toBe('')
  const expected = await searchRows(request, `query=${encodeURIComponent(term)}&limit=50`)
  expect(expected.length).toBeLessThan(50)

  await page.goto('/')
  await expect(matchCount(page)).toHaveText('3,000 conversations')
  await expect(conversationRows(page).first()).not.toHaveAttribute('data-conversation-id', oldest?.id ?? '')

  await page.getByRole('searchbox', { name: 'Search' }).fill(term)
  await expect.poll(() => new URL(page.url()).searchParams.get('query')).toBe(term)
  const countText = `${expected.length} ${expected.length === 1 ? 'conversation' : 'conversations'}`
  await expect(matchCount(page)).toHaveText(countText)
  await expect.poll(() => shownIds(page)).toEqual(expected.map((row) => row.id))

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(term)
  await expect(matchCount(page)).toHaveText(countText)
  await expect.poll(() => shownIds(page)).toEqual(expected.map((row) => row.id))
})

test('choosing a status filters the list and is kept in the URL', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('radio', { name: 'Unread' }).check()
  await expect(page).toHaveURL(/[?&]status=unread/)
  await expect(conversationRows(page).first()).toBeVisible()
  await page.goBack()
  await expect(page).not.toHaveURL(/status=/)
})

test('scrolling to the end of the first page loads the next one', async ({ page }) => {
  const searches: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/conversations/search')) searches.push(request.url())
  })
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  await page.getByTestId('inbox-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight))
  await expect.poll(() => searches.some((url) => url.includes('startAfterDate='))).toBe(true)
  // Rows 2–51 hold the first page of 50 (row 1 is the header); the loading row is no conversation row.
  await expect.poll(() => lastRowIndex(page)).toBeGreaterThan(51)
})

test('Escape closes the conversation opened from a row and leaves focus on that row', async ({ page }) => {
  await page.goto('/')
  const row = conversationRows(page).nth(2)
  const id = (await row.getAttribute('data-conversation-id')) ?? ''
  await row.focus()
  await page.keyboard.press('Enter')
  const pane = page.getByRole('complementary', { name: 'Conversation' })
  await expect(page).toHaveURL(`/conversations/${id}`)
  await expect(pane.getByRole('heading', { level: 2 })).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(pane).toHaveCount(0)
  await expect(page).toHaveURL('/')
  await expect(page.locator(`[role="row"][data-conversation-id="${id}"]`)).toBeFocused()
  // The grid's single tab stop is still that row: the arrow keys go on from it.
  await page.keyboard.press('ArrowDown')
  await expect(conversationRows(page).nth(3)).toBeFocused()
})
