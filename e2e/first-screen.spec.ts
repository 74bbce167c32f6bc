import { expect, test, type Page, type Request } from '@playwright/test'
import { conversationRows, openFromAnotherSite } from './support/inbox'

/** A request for a view's first page of rows (not a count, which asks for one row). */
const isFirstPageRead = (request: Request): boolean => {
  const url = new URL(request.url())
  return url.pathname === '/api/conversations/search' && !url.searchParams.has('startAfterDate') && url.searchParams.get('limit') !== '1'
}

/** Console errors and warnings, and uncaught errors, that speak of hydration (React's own, minified or not). */
function hydrationComplaints(page: Page): string[] {
  const complaints: string[] = []
  const hydration = /hydrat|react\.dev\/errors\/(418|419|421|422|423|425)/i
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && hydration.test(message.text())) complaints.push(message.text())
  })
  page.on('pageerror', (error) => {
    if (hydration.test(error.message)) complaints.push(error.message)
  })
  return complaints
}

/** True once React owns the first row: it has hydrated the server's HTML. */
const hydrated = (page: Page) =>
  page.waitForFunction(() => {
    const row = document.querySelector('[role="row"][data-conversation-id]')
    return row !== null && Object.keys(row).some((key) => key.startsWith('__reactFiber$'))
  })

test('the first rows come in the HTML, and hydrating them asks for nothing again nor mismatches', async ({ page }) => {
  const complaints = hydrationComplaints(page)
  const firstPageReads: string[] = []
  page.on('request', (request) => {
    if (isFirstPageRead(request)) firstPageReads.push(request.url())
  })
  const response = await page.goto('/?status=unread')
  const html = (await response?.text()) ?? ''
  expect(html).toMatch(/role="row"[^>]*data-conversation-id=/)
  expect(html).toContain('<script type="application/json" id="first-screen">')
  await hydrated(page)
  await page.waitForLoadState('networkidle')
  await expect(conversationRows(page).first()).toBeVisible()
  expect(firstPageReads).toEqual([])
  expect(complaints).toEqual([])
})

test('a conversation URL renders the pane and the rows, and hydrates without a mismatch', async ({ page }) => {
  await page.goto('/')
  const id = await conversationRows(page).first().getAttribute('data-conversation-id')
  const complaints = hydrationComplaints(page)
  const response = await page.goto(`/conversations/${id}`)
  expect(await response?.text()).toContain('aria-label="Conversation"')
  await hydrated(page)
  await expect(page.getByRole('complementary', { name: 'Conversation' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(complaints).toEqual([])
})

test('the stored density is the server’s too: no mismatch, and the rows are drawn with it at once', async ({ page, context }) => {
  await page.goto('/')
  await page.evaluate(() => localStorage.setItem('highlevel-inbox:preferences', JSON.stringify({ density: 'compact' })))
  // The app mirrors the stored preferences to a cookie as it starts.
  await page.reload()
  expect((await context.cookies()).some((cookie) => cookie.name === 'inbox-storage')).toBe(true)
  const complaints = hydrationComplaints(page)
  const response = await page.goto('/')
  expect(await response?.text()).toContain('data-density="compact"')
  await hydrated(page)
  await page.waitForLoadState('networkidle')
  expect(complaints).toEqual([])
})

/** Holds the app's script back until `release` is called: the page is the server's HTML alone until then. */
async function holdAppScript(page: Page): Promise<() => void> {
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/assets/index-*.js', async (route) => {
    await held
    await route.continue()
  })
  return release
}

test('a click on a row before the app has hydrated the page is not lost', async ({ page }) => {
  const release = await holdAppScript(page)
  await page.goto('/', { waitUntil: 'commit' })
  const firstRow = conversationRows(page).first()
  await expect(firstRow).toBeVisible()
  const name = await firstRow.getAttribute('data-conversation-id')
  await firstRow.click()
  release()
  await expect(page).toHaveURL(new RegExp(`/conversations/${name}`))
  await expect(page.getByRole('complementary', { name: 'Conversation' })).toBeVisible()
})

test('a navigation from another site gets the page without rows, and the app reads them itself', async ({ page }) => {
  const document = page.waitForResponse((response) => response.request().resourceType() === 'document' && response.url().includes('status=unread'))
  const firstPageRead = page.waitForRequest(isFirstPageRead)
  await openFromAnotherSite(page, '/?status=unread')
  expect(await (await document).text()).not.toContain('data-conversation-id')
  await firstPageRead
  await expect(conversationRows(page).first()).toBeVisible()
})

test('a key pressed before the app has hydrated the page is not lost', async ({ page }) => {
  const release = await holdAppScript(page)
  await page.goto('/', { waitUntil: 'commit' })
  await expect(conversationRows(page).first()).toBeVisible()
  await page.locator('body').press('?')
  release()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
})

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' })

  test('the server’s rows are drawn dark before the app runs, with no light flash', async ({ page }) => {
    const release = await holdAppScript(page)
    await page.goto('/', { waitUntil: 'commit' })
    await expect(conversationRows(page).first()).toBeVisible()
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    const background = await conversationRows(page).first().evaluate((row) => getComputedStyle(row).backgroundColor)
    expect(background).not.toBe('rgb(255, 255, 255)')
    release()
    await hydrated(page)
    expect(await conversationRows(page).first().evaluate((row) => getComputedStyle(row).backgroundColor)).toBe(background)
  })
})
