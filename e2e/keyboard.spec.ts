import { expect, test, type Page } from '@playwright/test'
import { conversationRows } from './support/inbox'

const row = (page: Page, index: number) => page.locator(`[role="row"][aria-rowindex="${index + 2}"]`)

test('j and k move the current row page-wide, right after the page loads too', async ({ page }) => {
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)

  await page.keyboard.press('j')
  await expect(row(page, 0)).toBeFocused()
  await page.keyboard.press('j')
  await expect(row(page, 1)).toBeFocused()
  await page.keyboard.press('k')
  await expect(row(page, 0)).toBeFocused()

  // From a control outside the grid as well, and on from the current row.
  await page.getByRole('button', { name: 'Preferences' }).focus()
  await page.keyboard.press('j')
  await expect(row(page, 1)).toBeFocused()

  // Not while a dialog has the keys.
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('j')
  await expect(row(page, 1)).not.toBeFocused()
})

test('Esc closes the topmost layer first: the filters drawer over a conversation, then the conversation', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 })
  await page.goto('/?status=unread')
  const first = conversationRows(page).first()
  const id = await first.getAttribute('data-conversation-id')
  await first.click()
  await expect(page).toHaveURL(`/conversations/${id}?status=unread`)
  const conversation = page.getByRole('complementary', { name: 'Conversation' })
  await expect(conversation.getByRole('list', { name: 'Messages, newest first' })).toBeVisible()

  const filtersButton = page.getByRole('button', { name: /^Filters/ })
  await filtersButton.click()
  const drawer = page.getByRole('complementary', { name: 'Filters' })
  await expect(drawer).toBeVisible()
  await expect(drawer.getByRole('button', { name: 'Close filters' })).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(conversation).toBeVisible()
  await expect(page).toHaveURL(`/conversations/${id}?status=unread`)
  // Focus goes back to what opened the drawer, not to the page's body.
  await expect(filtersButton).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(conversation).toBeHidden()
  await expect(page).toHaveURL('/?status=unread')
})
