import { expect, test, type Page } from '@playwright/test'

// The list's own count; the status tabs carry counts of their own.
const matchCount = (page: Page) => page.getByRole('region', { name: 'Inbox' }).getByText(/^[\d,]+ conversations?$/)
const rows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('gridcell') })

test('the inbox shows conversations from the emulator', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('Demo data')).toBeVisible()
  await expect(rows(page).first()).toBeVisible()
  await expect(matchCount(page)).toBeVisible()
})

test('typing a search writes the URL, changes the rows, and survives a reload', async ({ page }) => {
  await page.goto('/')
  const firstName = (await rows(page).first().getByRole('gridcell').first().textContent())?.trim() ?? ''
  expect(firstName).not.toBe('')
  const term = firstName.split(' ')[0] ?? firstName

  await page.getByRole('searchbox', { name: 'Search' }).fill(term)
  await expect(page).toHaveURL(new RegExp(`[?&]query=${encodeURIComponent(term)}`))
  await expect(rows(page).first()).toContainText(term)
  const countText = await matchCount(page).textContent()

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(term)
  await expect(matchCount(page)).toHaveText(countText ?? '')
})

test('choosing a status filters the list and is kept in the URL', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('radio', { name: 'Unread' }).check()
  await expect(page).toHaveURL(/[?&]status=unread/)
  await expect(rows(page).first()).toBeVisible()
  await page.goBack()
  await expect(page).not.toHaveURL(/status=/)
})

test('scrolling to the end of the first page loads the next one', async ({ page }) => {
  const searches: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/conversations/search')) searches.push(request.url())
  })
  await page.goto('/')
  await expect(rows(page).first()).toBeVisible()
  await page.getByTestId('inbox-scroll').evaluate((element) => element.scrollTo(0, element.scrollHeight))
  await expect.poll(() => searches.some((url) => url.includes('startAfterDate='))).toBe(true)
  await expect(rows(page).last()).toBeVisible()
})
