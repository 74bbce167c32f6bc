import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'
import { conversationRows } from './support/inbox'

/**
 * HighLevel's daily budget, driven through the emulator's `dailyRemaining` knob: the server
 * reads it from the next answer and pushes it to the open inbox, which says so calmly in its
 * app bar and refuses a bulk job that would spend what is kept for people.
 */

const notice = (page: Page) => page.getByRole('status').filter({ hasText: /^HighLevel daily budget low/ })
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Selected conversations' })
const listTotal = (page: Page) => page.getByRole('region', { name: 'Inbox' }).getByText(/^[\d,]+ conversations?$/)

async function knobs(request: APIRequestContext, body: Record<string, unknown>): Promise<void> {
  expect((await request.post('/_emulator/knobs', { data: body })).ok()).toBe(true)
}

/** One call that reaches HighLevel (the knobs emptied the shared read), so the server hears its headers. */
async function askHighLevel(request: APIRequestContext): Promise<void> {
  expect((await request.get('/api/conversations/search?limit=1&status=starred', { headers: APP_HEADERS })).ok()).toBe(true)
}

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) }))).toEqual([])
}

test.afterEach(async ({ request }) => {
  await knobs(request, {})
  await askHighLevel(request)
})

test('a low daily budget shows in the app bar as it happens, refuses a whole-view job with the reason, and goes when it renews', async ({ page, request }) => {
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  await expect(notice(page)).toHaveCount(0)

  await knobs(request, { dailyRemaining: 8200 })
  await askHighLevel(request)
  // Pushed (or, without the push channel, polled): the page is not reloaded.
  await expect(notice(page)).toHaveText(/^HighLevel daily budget low: 8,1\d\d of 200,000 requests left today$/)

  const shown = (await listTotal(page).textContent()) ?? ''
  await conversationRows(page).first().getByRole('checkbox').check()
  await bar(page).getByRole('button', { name: `Select all ${shown} in this view` }).click()
  await bar(page).getByRole('button', { name: 'Mark as read', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'This job is too large to start' })
  await expect(dialog.getByRole('status')).toContainText('Bulk jobs wait until it renews: the last 10,000 requests are kept for people.')
  await expect(dialog.getByRole('alert')).toHaveText(
    /^HighLevel's daily budget is nearly spent: 8,1\d\d requests are left today, and the last 10,000 are kept for people\. Bulk jobs can start again once it renews\.$/,
  )
  await expect(dialog).toContainText(/left today\)/)
  await expect(dialog.getByRole('button', { name: 'Start' })).toHaveCount(0)

  await expectNoViolations(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  await expectNoViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  await knobs(request, {})
  await askHighLevel(request)
  await expect(notice(page)).toHaveCount(0)
})

test('the budget endpoint answers the server\'s own figure, only to the app', async ({ request }) => {
  await askHighLevel(request)
  const budget = (await (await request.get('/_inbox/budget', { headers: APP_HEADERS })).json()) as { known: boolean; low?: boolean }
  expect(budget).toMatchObject({ known: true, low: false })
  expect((await request.get('/_inbox/budget')).status()).toBe(403)
})
