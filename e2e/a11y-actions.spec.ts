import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'
import { conversationRows } from './support/inbox'
import { withOwnServer } from './support/own-server'

/**
 * Axe over what the actions, bulk and reply issues added, in dark mode (the theme with the most
 * colours of its own): the selection bar and its Assign list, the bulk confirmation, the jobs
 * panel, the pane's Assign dialog, the composer with its templates, and the collision warning.
 * The page around them is audited in a11y.spec.ts: each audit here covers one part. A server of
 * its own: a job and a reply change data.
 */
const test = withOwnServer(200)

test.use({ colorScheme: 'dark' })

async function expectNoViolations(page: Page, within: string) {
  await expect(page.locator(within).first()).toBeVisible()
  const results = await new AxeBuilder({ page }).include(within).analyze()
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    detail: violation.nodes.slice(0, 3).map((node) => `${node.html} ${node.failureSummary}`),
  }))
  expect(summary).toEqual([])
}

async function firstInboundSms(request: APIRequestContext): Promise<{ id: string; contactId: string }> {
  const response = await request.get('/api/conversations/search?lastMessageType=TYPE_SMS&lastMessageDirection=inbound&limit=20', { headers: APP_HEADERS })
  const rows = ((await response.json()) as { conversations: { id: string; contactId: string; phone?: string }[] }).conversations
  const row = rows.find((candidate) => Boolean(candidate.phone))
  if (!row) throw new Error('no inbound SMS conversation with a phone')
  return row
}

const BAR = '[role="toolbar"][aria-label="Selected conversations"]'
const bar = (page: Page) => page.locator(BAR)
const pane = (page: Page) => page.getByRole('complementary', { name: 'Conversation' })

test('the selection bar, its Assign list, the bulk confirmation and the jobs panel have no violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  const rows = conversationRows(page)
  await rows.nth(1).getByRole('checkbox', { name: /^Select / }).check()
  await expect(bar(page)).toContainText('1 conversation selected')
  await expectNoViolations(page, BAR)

  await bar(page).getByRole('button', { name: 'Assign', exact: true }).click()
  await expect(bar(page).getByRole('group', { name: 'Assignee' })).toBeVisible()
  await expectNoViolations(page, BAR)
  await page.keyboard.press('Escape')
  await expect(bar(page).getByRole('group', { name: 'Assignee' })).toHaveCount(0)

  await bar(page).getByRole('button', { name: /^Select all .* in this view$/ }).click()
  await bar(page).getByRole('button', { name: 'Star', exact: true }).click()
  const confirm = page.getByRole('dialog', { name: /^Star: / })
  await expect(confirm).toContainText('HighLevel requests')
  await expectNoViolations(page, 'dialog[open]')
  await page.keyboard.press('Escape')
  await expect(confirm).toHaveCount(0)

  // A job of one row: no confirmation, and its report stays in the jobs panel.
  await bar(page).getByRole('button', { name: 'Clear selection' }).click()
  await rows.nth(1).getByRole('checkbox', { name: /^Select / }).check()
  await bar(page).getByRole('button', { name: 'Mark as unread', exact: true }).click()
  const jobs = page.getByRole('region', { name: 'Bulk jobs' })
  await expect(jobs.getByRole('status')).toContainText(/^Done: /)
  await expectNoViolations(page, 'section[aria-label="Bulk jobs"]')
})

test('the pane’s Assign dialog, the composer with its templates, and the collision warning have no violations', async ({ page, request, server }) => {
  const row = await firstInboundSms(request)
  await page.goto(`/conversations/${row.id}`)
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  await pane(page).getByRole('button', { name: 'Assign', exact: true }).click()
  await expect(page.getByRole('dialog', { name: 'Assign conversation' })).toBeVisible()
  await expectNoViolations(page, 'dialog[open]')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Assign conversation' })).toHaveCount(0)

  await pane(page).getByRole('button', { name: 'Reply', exact: true }).click()
  const replyBox = pane(page).getByRole('textbox', { name: /^Reply/ })
  await expect(replyBox).toBeFocused()
  await pane(page).getByRole('button', { name: 'Templates' }).click()
  const templates = pane(page).getByRole('group', { name: 'Templates' })
  await expect(templates.getByRole('button').first()).toBeVisible()
  await expectNoViolations(page, 'section[aria-label="Reply"]')
  await page.keyboard.press('Escape')

  // Someone else answers meanwhile (through this server, as a teammate's tab would): this tab hears it.
  const theirs = `Answered by a teammate ${Date.now().toString(36)}`
  const sent = await request.post('/api/conversations/messages', {
    headers: { ...APP_HEADERS, Origin: server.url },
    data: { type: 'SMS', contactId: row.contactId, message: theirs },
  })
  expect(sent.ok()).toBe(true)
  await expect(pane(page).getByText(theirs)).toBeVisible()
  await replyBox.fill('Mine as well')
  await pane(page).getByRole('button', { name: 'Send', exact: true }).click()
  await expect(pane(page).getByRole('alert').filter({ hasText: 'replied since you opened this conversation' })).toBeVisible()
  await expectNoViolations(page, 'section[aria-label="Reply"]')
})
