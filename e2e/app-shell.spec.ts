import { expect, test } from '@playwright/test'
import { conversationRows } from './support/inbox'

test('an unknown address says so and leads back to the inbox', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { name: 'There is no such page' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to the inbox' }).click()
  await expect(page.getByRole('gridcell').first()).toBeVisible()
})

test('going offline is announced, and the rows already shown stay', async ({ page, context }) => {
  await page.goto('/')
  await expect(page.getByRole('gridcell').first()).toBeVisible()
  await context.setOffline(true)
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible()
  await expect(page.getByRole('gridcell').first()).toBeVisible()
  await context.setOffline(false)
  await expect(page.getByText('You are offline')).toHaveCount(0)
})

test('a part whose code cannot be fetched says so in place; the rows stay', async ({ page }) => {
  await page.goto('/')
  const firstRow = conversationRows(page).first()
  await expect(firstRow).toBeVisible()
  // As after a deploy that replaced the page's chunks, or a dropped connection.
  await page.route('**/assets/{preferences-dialog,conversation-pane}-*.js', (route) => route.abort())

  await page.getByRole('button', { name: 'Preferences' }).click()
  await expect(page.getByRole('alert')).toContainText('Could not load the preferences.')
  await expect(page.getByRole('alert').getByRole('button', { name: 'Reload' })).toBeVisible()
  await page.getByRole('alert').getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)

  await firstRow.click()
  const pane = page.getByRole('complementary', { name: 'Conversation' })
  await expect(pane.getByRole('alert')).toContainText('Could not load the conversation.')
  await expect(firstRow).toBeVisible()
  await pane.getByRole('button', { name: 'Close' }).click()
  await expect(pane).toHaveCount(0)
  await expect(page).toHaveURL(/\/$/)
})
