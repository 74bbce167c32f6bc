import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
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
  await page.goto('/')
  await expect(page.getByRole('alert')).toBeVisible()
  await expectNoViolations(page)
})
