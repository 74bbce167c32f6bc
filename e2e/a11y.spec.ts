import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'
import { openFromAnotherSite } from './support/inbox'

/** Audits the page, or only `within` (a selector) when the rest was audited already. */
async function expectNoViolations(page: Page, within?: string) {
  const builder = new AxeBuilder({ page })
  const results = await (within ? builder.include(within) : builder).analyze()
  const summary = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }))
  expect(summary).toEqual([])
}

test('the inbox has no accessibility violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('[role="row"][data-conversation-id]').first()).toBeVisible()
  await expectNoViolations(page)
})

test('the inbox with a focused row has no accessibility violations', async ({ page }) => {
  await page.goto('/')
  await page.locator('[role="row"][data-conversation-id]').first().click()
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('[role="row"][aria-rowindex="3"]')).toBeFocused()
  await expectNoViolations(page)
})

test('the Columns menu and the Preferences dialog have no accessibility violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('[role="row"][data-conversation-id]').first()).toBeVisible()
  await page.getByRole('button', { name: 'Columns' }).click()
  await expect(page.getByRole('slider', { name: 'Name width' })).toBeVisible()
  await expectNoViolations(page)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Preferences' }).click()
  await expect(page.getByRole('dialog', { name: 'Preferences' })).toBeVisible()
  await expectNoViolations(page)
})

test('the empty view has no accessibility violations', async ({ page }) => {
  await page.goto('/?query=zzqqxx-no-such-thing')
  await expect(page.getByRole('heading', { name: 'No conversations match these filters' })).toBeVisible()
  await expectNoViolations(page)
})

test('the error view has no accessibility violations', async ({ page }) => {
  await page.route('**/api/conversations/search**', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' }),
    }),
  )
  // The app's own read of page 1 gets the 401 (a typed address would have the server read it).
  await openFromAnotherSite(page, '/')
  await expect(page.getByRole('alert')).toBeVisible()
  await expectNoViolations(page)
})

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' })

  test('the grid and an open conversation have no accessibility violations', async ({ page, request }) => {
    const response = await request.get('/api/conversations/search?lastMessageDirection=inbound&limit=1', { headers: APP_HEADERS })
    const [inbound] = ((await response.json()) as { conversations: { id: string }[] }).conversations
    if (!inbound) throw new Error('the emulator has no inbound conversation')
    // The first inbound conversation, open: its row is selected and shows a Waiting badge.
    await page.goto(`/conversations/${inbound.id}?lastMessageDirection=inbound`)
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    const pane = page.getByRole('complementary', { name: 'Conversation' })
    await expect(pane.getByRole('list', { name: 'Messages, newest first' }).locator(':scope > li').first()).toBeVisible()
    const rows = page.locator('[role="row"][data-conversation-id]')
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true')
    await rows.first().focus()
    await page.keyboard.press('ArrowDown')
    await expect(rows.nth(1)).toBeFocused()
    await expectNoViolations(page)
  })

  // The page behind them is audited above: only the menu and the dialogs are.
  test('the Columns menu and the dialogs have no accessibility violations', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    const rows = page.locator('[role="row"][data-conversation-id]')
    await expect(rows.first()).toBeVisible()
    await page.getByRole('button', { name: 'Columns' }).click()
    await expect(page.getByRole('slider', { name: 'Name width' })).toBeVisible()
    await expectNoViolations(page, '[role="group"][aria-label="Columns"]')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Preferences' }).click()
    await expect(page.getByRole('dialog', { name: 'Preferences' })).toBeVisible()
    await expectNoViolations(page, 'dialog[open]')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Preferences' })).toHaveCount(0)

    await rows.first().focus()
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: /shortcuts/i })).toBeVisible()
    await expectNoViolations(page, 'dialog[open]')
  })
})
