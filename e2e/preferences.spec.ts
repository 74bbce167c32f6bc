import { expect, test, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'

const KEY = 'highlevel-inbox:preferences'

const htmlIsDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('dark'))

async function openPreferences(page: Page) {
  await page.getByRole('button', { name: 'Preferences' }).click()
  const dialog = page.getByRole('dialog', { name: 'Preferences' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('follows the system theme by default', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  await expect.poll(() => htmlIsDark(page)).toBe(true)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => htmlIsDark(page)).toBe(false)
  await expect((await openPreferences(page)).getByRole('radio', { name: 'Same as the system' })).toBeChecked()
})

test('a chosen theme is applied at once and kept after a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  const dialog = await openPreferences(page)
  await dialog.getByRole('radio', { name: 'Dark' }).check()
  await expect.poll(() => htmlIsDark(page)).toBe(true)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  await page.reload()
  expect(await htmlIsDark(page)).toBe(true)
  await expect((await openPreferences(page)).getByRole('radio', { name: 'Dark' })).toBeChecked()
})

test('the stored theme is on <html> before the body is parsed, without the app bundle', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.addInitScript((key) => {
    window.localStorage.setItem(key, JSON.stringify({ theme: 'dark' }))
    // Records <html>'s classes at the moment <body> appears: what the first paint would use.
    const observer = new MutationObserver(() => {
      if (!document.body) return
      document.documentElement.dataset.classAtBody = document.documentElement.className
      observer.disconnect()
    })
    observer.observe(document, { childList: true, subtree: true })
  }, KEY)
  // Without the app's own script, only public/theme.js can have set the class.
  await page.route('**/assets/*.js', (route) => route.abort())
  await page.goto('/')
  const root = page.locator('html')
  await expect(root).toHaveAttribute('data-class-at-body', /\bdark\b/)
  await expect(root).toHaveClass(/\bdark\b/)
  expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe('dark')
})

test('a light choice overrides a dark system before the first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.addInitScript((key) => window.localStorage.setItem(key, JSON.stringify({ theme: 'light' })), KEY)
  await page.route('**/assets/*.js', (route) => route.abort())
  await page.goto('/')
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
  expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe('light')
})

test('a change in one tab reaches the other tabs', async ({ context }) => {
  const first = await context.newPage()
  const second = await context.newPage()
  await first.emulateMedia({ colorScheme: 'light' })
  await second.emulateMedia({ colorScheme: 'light' })
  await first.goto('/')
  await second.goto('/')
  await expect(second.getByRole('button', { name: 'Preferences' })).toBeVisible()
  expect(await htmlIsDark(second)).toBe(false)

  await (await openPreferences(first)).getByRole('radio', { name: 'Dark' }).check()
  await expect.poll(() => htmlIsDark(second)).toBe(true)
})

test('density, response-time target and "who am I" are remembered', async ({ page }) => {
  await page.goto('/')
  let dialog = await openPreferences(page)
  await dialog.getByRole('radio', { name: 'Compact' }).check()
  await dialog.getByLabel('Response-time target').selectOption({ label: '4 h' })
  const me = dialog.getByLabel('I am (HighLevel user)')
  await expect(me.locator('option')).not.toHaveCount(1)
  const userOption = me.locator('option').nth(1)
  const userId = (await userOption.getAttribute('value')) ?? ''
  const userName = (await userOption.textContent()) ?? ''
  await me.selectOption(userId)

  await page.reload()
  dialog = await openPreferences(page)
  await expect(dialog.getByRole('radio', { name: 'Compact' })).toBeChecked()
  await expect(dialog.getByLabel('Response-time target')).toHaveValue(String(4 * 3_600_000))
  await expect(dialog.getByLabel('I am (HighLevel user)')).toHaveValue(userId)
  await expect(dialog.getByLabel('I am (HighLevel user)').locator('option:checked')).toHaveText(userName)
  const stored = await page.evaluate((key) => JSON.parse(window.localStorage.getItem(key) ?? '{}') as unknown, KEY)
  expect(stored).toMatchObject({ density: 'compact', responseTargetMs: 4 * 3_600_000, myUserId: userId })
})

test('the pane shows "You" for a conversation assigned to me', async ({ page, request }) => {
  const response = await request.get('/api/conversations/search?limit=50', { headers: APP_HEADERS })
  const { conversations } = (await response.json()) as { conversations: { id: string; assignedTo?: string }[] }
  const assigned = conversations.find((conversation) => conversation.assignedTo)
  if (!assigned?.assignedTo) throw new Error('no assigned conversation among the first 50')
  await page.addInitScript(
    ([key, userId]) => window.localStorage.setItem(key, JSON.stringify({ myUserId: userId })),
    [KEY, assigned.assignedTo] as const,
  )
  await page.goto(`/conversations/${assigned.id}`)
  const details = page.getByRole('definition').filter({ hasText: /^You$/ })
  await expect(details).toBeVisible()
})
