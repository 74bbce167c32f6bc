import { expect, test, type Locator } from '@playwright/test'
import { conversationRows } from './support/inbox'

/**
 * A wide touch screen (a tablet in landscape, a touch laptop): there is no hover to reveal a
 * row's actions, so every row shows them (issue 15: "on hover and focus, and always on touch
 * screens"), while the rows stay table rows, not the phone's cards.
 */

const WIDE = { width: 1280, height: 800 }
const readButton = (row: Locator) => row.getByRole('button', { name: /^Mark as (read|unread)$/ })
const starButton = (row: Locator) => row.getByRole('button', { name: /^(Star|Unstar)$/ })

test('every row shows its actions without hover; a tap acts and does not open the conversation', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, hasTouch: true, viewport: WIDE })
  try {
    const page = await context.newPage()
    expect(await page.evaluate(() => window.matchMedia('(hover: none)').matches)).toBe(true)
    await page.goto('/')
    const rows = conversationRows(page)
    await expect(rows.nth(5)).toBeVisible()
    // Not the current row (the first), nor under a pointer: still its buttons.
    for (const index of [1, 3, 5]) {
      const row = rows.nth(index)
      await expect(readButton(row)).toBeVisible()
      await expect(starButton(row)).toBeVisible()
      await expect(row.getByRole('button', { name: 'Assign' })).toBeVisible()
    }
    // A wide screen keeps the table: the header row is there.
    await expect(page.getByRole('columnheader').first()).toBeVisible()

    const id = (await rows.nth(3).getAttribute('data-conversation-id')) ?? ''
    const star = starButton(page.locator(`[role="row"][data-conversation-id="${id}"]`))
    const before = (await star.getAttribute('aria-label')) ?? ''
    await star.tap()
    await expect(star).toHaveAccessibleName(before === 'Star' ? 'Unstar' : 'Star')
    await expect(page).not.toHaveURL(/conversations\//)
    // Leave the shared data as it was.
    await star.tap()
    await expect(star).toHaveAccessibleName(before)
  } finally {
    await context.close()
  }
})

test('with a mouse, only the current row shows its actions until one is hovered', async ({ page }) => {
  await page.setViewportSize(WIDE)
  expect(await page.evaluate(() => window.matchMedia('(hover: none)').matches)).toBe(false)
  await page.goto('/')
  const rows = conversationRows(page)
  await expect(rows.nth(3)).toBeVisible()
  await expect(starButton(rows.nth(0))).toBeVisible()
  await expect(starButton(rows.nth(3))).toHaveCount(0)
  await rows.nth(3).hover()
  await expect(starButton(rows.nth(3))).toBeVisible()
})
