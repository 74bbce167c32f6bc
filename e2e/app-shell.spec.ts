import { expect, test } from '@playwright/test'

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
