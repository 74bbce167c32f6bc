import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer } from '../scripts/start-server'
import { APP_HEADERS } from './support/app-headers'
import { conversationRows } from './support/inbox'

/**
 * Bulk actions against a server of its own: little data (jobs change it), a fresh DATA_DIR, and
 * the emulator's rate limit and failure rate set per test through its knobs.
 */
const PORT = Number(process.env.E2E_PORT ?? 4181) + 500
const CONVERSATIONS = 120

let server: RunningServer
let dataDir: string

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bulk-e2e-'))
  server = await startServer(PORT, {
    EMULATOR_CONVERSATIONS: String(CONVERSATIONS),
    EMULATOR_SEED: '42',
    EMULATOR_NOW: '2026-11-02T15:00:00.000Z',
    DATA_DIR: dataDir,
  })
})

test.afterAll(async () => {
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

test.use({ baseURL: `http://127.0.0.1:${PORT}` })

const inbox = (page: Page) => page.getByRole('region', { name: 'Inbox' })
const listTotal = (page: Page) => inbox(page).getByText(/^[\d,]+ conversations?$/)
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Selected conversations' })
const box = (page: Page, index: number) => conversationRows(page).nth(index).getByRole('checkbox')
const headerBox = (page: Page) => page.getByRole('checkbox', { name: 'Select the loaded conversations' })
const jobs = (page: Page) => page.getByRole('region', { name: 'Bulk jobs' })
const statusTab = (page: Page, name: string) => page.getByRole('group', { name: 'Status' }).getByRole('radio', { name, exact: true })

async function knobs(request: APIRequestContext, body: Record<string, unknown>): Promise<void> {
  expect((await request.post('/_emulator/knobs', { data: body })).ok()).toBe(true)
}

async function total(request: APIRequestContext, query: string): Promise<number> {
  const response = await request.get(`/api/conversations/search?limit=1&${query}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { total: number }).total
}

async function selectWholeView(page: Page): Promise<void> {
  const shown = (await listTotal(page).textContent()) ?? ''
  await box(page, 0).check()
  await bar(page).getByRole('button', { name: `Select all ${shown} in this view` }).click()
  await expect(bar(page)).toContainText(`All ${shown} in this view selected`)
}

test.afterEach(async ({ request }) => {
  await knobs(request, {})
})

test('ticks a row, a range with Shift, the loaded rows from the header, and offers the whole view', async ({ page }) => {
  await page.goto('/')
  await expect(listTotal(page)).toHaveText(`${CONVERSATIONS} conversations`)
  await expect(box(page, 0)).toHaveAccessibleName(/^Select /)
  await box(page, 1).check()
  await expect(bar(page)).toContainText('1 conversation selected')
  await box(page, 4).click({ modifiers: ['Shift'] })
  await expect(bar(page)).toContainText('4 conversations selected')
  for (const index of [1, 2, 3, 4]) await expect(box(page, index)).toBeChecked()
  await expect(box(page, 0)).not.toBeChecked()
  await expect(headerBox(page)).toHaveJSProperty('indeterminate', true)
  await expect(bar(page).getByRole('button', { name: `Select all ${CONVERSATIONS} conversations in this view` })).toBeVisible()

  // Clicking a box never opens the conversation.
  await expect(page).toHaveURL('/')

  await headerBox(page).check()
  await expect(headerBox(page)).toHaveJSProperty('indeterminate', false)
  await expect(box(page, 0)).toBeChecked()
  // Every loaded row, drawn or not (the list is virtualized).
  const drawn = await conversationRows(page).count()
  const ticked = Number((await bar(page).textContent())?.match(/^([\d,]+) conversations selected/)?.[1]?.replace(/,/g, ''))
  expect(ticked).toBeGreaterThanOrEqual(drawn)
  await bar(page).getByRole('button', { name: 'Clear selection' }).click()
  await expect(bar(page)).toHaveCount(0)
  await expect(box(page, 1)).not.toBeChecked()
})

test('x ticks the current row and Shift+x a range; the ticks survive scrolling', async ({ page }) => {
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  await page.keyboard.press('j')
  await page.keyboard.press('x')
  await expect(box(page, 0)).toBeChecked()
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('Shift+X')
  await expect(bar(page)).toContainText('3 conversations selected')
  await page.getByTestId('inbox-scroll').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight))
  await page.getByTestId('inbox-scroll').evaluate((scroller) => scroller.scrollTo(0, 0))
  await expect(box(page, 2)).toBeChecked()
  await expect(bar(page)).toContainText('3 conversations selected')
})

test('a view change drops the selection, and says so', async ({ page }) => {
  await page.goto('/')
  await box(page, 0).check()
  await expect(bar(page)).toBeVisible()
  await statusTab(page, 'Unread').check()
  await expect(page).toHaveURL('/?status=unread')
  await expect(page.getByRole('status').filter({ hasText: 'Selection cleared: the view changed' })).toBeVisible()
  await expect(bar(page)).toHaveCount(0)
  await expect(box(page, 0)).not.toBeChecked()
})

test('Cancel stops a job, and a second browser sees the same job', async ({ page, browser, request }) => {
  // Slow enough to still run when Cancel is pressed: 4 requests a second at most.
  await knobs(request, { rateLimit: { max: 4, intervalMs: 1000 }, latencyMs: 100 })
  const other = await browser.newContext({ baseURL: `http://127.0.0.1:${PORT}` })
  const otherPage = await other.newPage()
  await otherPage.goto('/')
  await expect(conversationRows(otherPage).first()).toBeVisible()

  await page.goto('/')
  await selectWholeView(page)
  await bar(page).getByRole('button', { name: 'Star', exact: true }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText(`every one of the ${CONVERSATIONS} conversations in this view`)
  await expect(dialog).toContainText(/HighLevel requests, [\d.]+% of the location's daily budget/)
  await dialog.getByRole('button', { name: 'Start' }).click()

  const progress = jobs(page).getByRole('progressbar')
  await expect(progress).toBeVisible()
  await expect(progress).toHaveAttribute('aria-valuetext', /of \d+ done · \d+ failed · \d+ remaining/)
  await expect(jobs(otherPage).getByRole('progressbar')).toBeVisible()

  await jobs(page).getByRole('button', { name: 'Cancel' }).click()
  await expect(jobs(page).getByRole('status')).toContainText(/^Cancelled: .*not done/)
  await expect(jobs(otherPage).getByRole('status')).toContainText('Cancelled:')

  const list = (await (await request.get('/_inbox/jobs', { headers: APP_HEADERS })).json()) as { jobs: { state: string; remaining: number; changed: number }[] }
  const [job] = list.jobs
  expect(job?.state).toBe('cancelled')
  expect(job?.remaining).toBeGreaterThan(0)
  await knobs(request, {})
  expect(await total(request, 'status=starred')).toBeLessThan(CONVERSATIONS)
  await other.close()
})

test('a whole-view "Mark as read" on Unread, under the rate limit and failures, leaves none unread; a reload shows its progress', async ({ page, request }) => {
  const unread = await total(request, 'status=unread')
  expect(unread).toBeGreaterThan(10)
  await knobs(request, { rateLimit: { max: 5, intervalMs: 1000 }, failureRate: 0.15, latencyMs: 100 })
  await page.goto('/?status=unread')
  await expect(listTotal(page)).toHaveText(`${unread} conversations`)
  await selectWholeView(page)
  await bar(page).getByRole('button', { name: 'Mark as read', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Mark as read: ${unread} conversations?` })
  await expect(dialog).toContainText(/costs up to [\d,]+ HighLevel requests/)
  await dialog.getByRole('button', { name: 'Start' }).click()
  const job = jobs(page).getByRole('listitem', { name: /^Bulk job: Mark as read/ })
  await expect(job.getByRole('progressbar')).toBeVisible()

  await page.reload()
  await expect(job.getByRole('progressbar')).toBeVisible()

  await expect(job.getByRole('status')).toContainText(`Done: ${unread} conversations marked read`, { timeout: 120_000 })
  await knobs(request, {})
  expect(await total(request, 'status=unread')).toBe(0)
  // The list is read again once the job ends: the view is empty now.
  await expect(listTotal(page)).toHaveText('0 conversations')
})
