import { expect, test, type Page } from '@playwright/test'

const savedViews = (page: Page) => page.getByRole('navigation', { name: 'Saved views' })

async function saveView(page: Page, name: string) {
  await savedViews(page).getByRole('button', { name: 'Save current view' }).click()
  const nameInput = savedViews(page).getByRole('textbox', { name: 'View name' })
  await nameInput.fill(name)
  await nameInput.press('Enter')
  await expect(savedViews(page).getByRole('link', { name })).toBeVisible()
}

test('a saved view is named, listed, reopened from the list, and still there after a reload', async ({ page }) => {
  await page.goto('/?status=unread&lastMessageType=TYPE_SMS')
  await savedViews(page).getByRole('button', { name: 'Save current view' }).click()
  // The suggested name comes from the filters.
  await expect(savedViews(page).getByRole('textbox', { name: 'View name' })).toHaveValue('Unread, SMS')
  await savedViews(page).getByRole('textbox', { name: 'View name' }).fill('Unread texts')
  await savedViews(page).getByRole('button', { name: 'Save view' }).click()

  const link = savedViews(page).getByRole('link', { name: 'Unread texts' })
  await expect(link).toHaveAttribute('aria-current', 'page')

  await page.getByRole('button', { name: 'Clear all' }).click()
  await expect(page).toHaveURL('/')
  await expect(link).not.toHaveAttribute('aria-current', 'page')

  await link.click()
  await expect(page).toHaveURL('/?status=unread&lastMessageType=TYPE_SMS')
  await expect(page.getByRole('radio', { name: 'Unread' })).toBeChecked()
  await expect(page.getByLabel('Last message channel')).toHaveValue('TYPE_SMS')

  await page.goto('/')
  await expect(savedViews(page).getByRole('link', { name: 'Unread texts' })).toHaveAttribute('href', '/?status=unread&lastMessageType=TYPE_SMS')
})

test('a saved view can be renamed and deleted', async ({ page }) => {
  await page.goto('/?status=starred')
  await saveView(page, 'Stars')

  await savedViews(page).getByRole('button', { name: 'Rename Stars' }).click()
  const rename = savedViews(page).getByRole('textbox', { name: 'New name for Stars' })
  await rename.fill('Starred leads')
  await rename.press('Enter')
  await expect(savedViews(page).getByRole('link', { name: 'Starred leads' })).toBeVisible()
  await expect(savedViews(page).getByRole('link', { name: 'Stars', exact: true })).toHaveCount(0)

  await page.reload()
  await expect(savedViews(page).getByRole('link', { name: 'Starred leads' })).toBeVisible()
  await savedViews(page).getByRole('button', { name: 'Delete Starred leads' }).click()
  await expect(savedViews(page).getByRole('link', { name: 'Starred leads' })).toHaveCount(0)
  await page.reload()
  await expect(savedViews(page).getByText('Name the filters you use often')).toBeVisible()
})

test('saved views stay in step across open tabs', async ({ context }) => {
  const first = await context.newPage()
  const second = await context.newPage()
  await first.goto('/?status=read')
  await second.goto('/')
  await expect(savedViews(second).getByRole('button', { name: 'Save current view' })).toBeVisible()

  await saveView(first, 'Read only')
  await expect(savedViews(second).getByRole('link', { name: 'Read only' })).toBeVisible()

  await savedViews(second).getByRole('button', { name: 'Delete Read only' }).click()
  await expect(savedViews(first).getByRole('link', { name: 'Read only' })).toHaveCount(0)
})

test('"Copy link" copies a shareable URL for the current view and for any saved view', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/?assignedTo=unassigned&sort=asc')
  await page.getByRole('button', { name: 'Copy link to this view' }).click()
  await expect(page.getByRole('button', { name: 'Copy link to this view' })).toContainText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/?assignedTo=unassigned&sort=asc`)

  await saveView(page, 'Unassigned, oldest first')
  await page.goto('/?status=read')
  await savedViews(page).getByRole('button', { name: 'Copy link to Unassigned, oldest first' }).click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/?assignedTo=unassigned&sort=asc`)

  const shared = await context.newPage()
  await shared.goto(await page.evaluate(() => navigator.clipboard.readText()))
  await expect(shared.getByRole('checkbox', { name: 'Unassigned' })).toBeChecked()
  await expect(shared.getByRole('radio', { name: 'Oldest first' })).toBeChecked()
})

test('saved views belong to the location they were saved in', async ({ page }) => {
  const config = (await (await page.request.get('/config.json')).json()) as { locationId: string }
  await page.goto('/?status=unread')
  await saveView(page, 'Mine')
  const stored = await page.evaluate((key) => window.localStorage.getItem(key), `highlevel-inbox:saved-views:${config.locationId}`)
  expect(JSON.parse(stored ?? '[]')).toEqual([expect.objectContaining({ name: 'Mine', search: '?status=unread' })])
})
