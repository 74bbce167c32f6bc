import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { conversationRows } from './support/inbox'
import { APP_HEADERS } from './support/app-headers'

const grid = (page: Page) => page.getByRole('grid', { name: 'Conversations' })

async function useDataset(request: APIRequestContext, fixture: 'hostile' | 'malformed' | 'generated'): Promise<void> {
  expect((await request.post('/_emulator/dataset', { data: { fixture } })).ok()).toBe(true)
}

test.afterEach(async ({ request }) => {
  await useDataset(request, 'generated')
})

test('hostile names and bodies in the list stay text: no markup, no script, no stretching', async ({ page, request }) => {
  await useDataset(request, 'hostile')
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  await expect(grid(page).getByText('<b>Bold</b> <img src=x onerror=alert(1)>').first()).toBeVisible()

  await expect(grid(page).locator('script, img, iframe, style, b, object, embed')).toHaveCount(0)
  const hrefs = await grid(page).locator('[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  expect(hrefs.filter((href) => !/^https?:/.test(href))).toEqual([])

  // A 100 KB body is cut for display and never copied whole into an attribute.
  const longest = await grid(page).evaluate((element) =>
    Math.max(0, ...[...element.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((attribute) => attribute.value.length))),
  )
  expect(longest).toBeLessThan(2_000)
  const longestText = await conversationRows(page).evaluateAll((nodes) => Math.max(...nodes.map((node) => node.textContent?.length ?? 0)))
  expect(longestText).toBeLessThan(20_000)

  // Long words, emoji, right-to-left text and bidi overrides cannot change a row's size or the page's width.
  const heights = await conversationRows(page).evaluateAll((nodes) => [...new Set(nodes.map((node) => node.getBoundingClientRect().height))])
  expect(heights).toHaveLength(1)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const rowOverflow = await conversationRows(page).evaluateAll((nodes) =>
    Math.max(...nodes.flatMap((node) => [...node.querySelectorAll('[role="gridcell"]')].map((cell) => cell.scrollHeight - cell.clientHeight))),
  )
  expect(rowOverflow).toBeLessThanOrEqual(0)
  expect(dialogs).toEqual([])
})

test('malformed items are skipped and the person is told how many, in a notice that can be dismissed', async ({ page, request }) => {
  await useDataset(request, 'malformed')
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  const notice = page.getByRole('status').filter({ hasText: 'could not be shown' })
  // malformed.json: a missing id, nulls where strings belong, a numeric id, {}, null, a string and a number.
  await expect(notice).toContainText(/^\d+ conversations could not be shown/)
  const skipped = Number((await notice.textContent())?.match(/^\d+/)?.[0])
  const response = await request.get('/api/conversations/search?limit=100', { headers: APP_HEADERS })
  const sent = ((await response.json()) as { conversations: unknown[] }).conversations.length
  await expect(page.getByTestId('inbox-end')).toBeVisible()
  const shown = await conversationRows(page).count()
  // The rest are shown once each (one valid item repeats another's id).
  expect(shown + skipped).toBeGreaterThanOrEqual(sent - 1)
  expect(shown + skipped).toBeLessThanOrEqual(sent)
  expect(skipped).toBeGreaterThanOrEqual(5)

  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toHaveCount(0)
  await expect(conversationRows(page).first()).toBeVisible()
})
