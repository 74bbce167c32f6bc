import { expect, test, type Page } from '@playwright/test'
import { APP_HEADERS } from './support/app-headers'

const rows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('gridcell') })
const statusTab = (page: Page, name: string) => page.getByRole('group', { name: 'Status' }).getByRole('radio', { name, exact: true })
const listTotal = (page: Page) => page.getByRole('region', { name: 'Inbox' }).getByText(/^[\d,]+ conversations?$/)
const readyMade = (page: Page) => page.getByRole('navigation', { name: 'Ready-made views' })

/** The count a status tab shows, as its accessible description ("1,234 conversations"). */
async function tabCount(page: Page, name: string): Promise<string> {
  const tab = statusTab(page, name)
  await expect(tab).toHaveAccessibleDescription(/^[\d,]+ conversations?$/)
  return (await tab.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).textContent())) ?? ''
}

test('each status tab shows its count for the other filters, equal to the list once chosen', async ({ page }) => {
  await page.goto('/?lastMessageDirection=inbound')
  const all = await tabCount(page, 'All')
  await expect(listTotal(page)).toHaveText(all)
  const unread = await tabCount(page, 'Unread')
  expect(unread).not.toBe(all)
  await statusTab(page, 'Unread').check()
  await expect(page).toHaveURL('/?status=unread&lastMessageDirection=inbound')
  await expect(listTotal(page)).toHaveText(unread)
  await expect(statusTab(page, 'All')).toHaveAccessibleDescription(all)
})

test('the tab title leads with the number of unread conversations in the location', async ({ page }) => {
  await page.goto('/')
  const unread = (await tabCount(page, 'Unread')).replace(/ conversations?$/, '')
  await expect(page).toHaveTitle(`(${unread}) Inbox`)
  await page.goto('/?status=read&lastMessageType=TYPE_EMAIL')
  await expect(page).toHaveTitle(`(${unread}) Status: Read · Channel: Email — Inbox`)
})

test('each ready-made view opens its URL and is marked while open', async ({ page }) => {
  await page.goto('/')
  const views = [
    ['Waiting on us', '/?lastMessageDirection=inbound'],
    ['Longest waiting', '/?lastMessageDirection=inbound&sort=asc'],
    ['Only a bot replied', '/?lastMessageDirection=outbound&lastMessageAction=automated'],
    ['Unassigned and unread', '/?status=unread&assignedTo=unassigned'],
  ] as const
  for (const [name, url] of views) {
    await readyMade(page).getByRole('link', { name }).click()
    await expect(page).toHaveURL(url)
    await expect(readyMade(page).getByRole('link', { name })).toHaveAttribute('aria-current', 'page')
    await expect(readyMade(page).locator('[aria-current="page"]')).toHaveCount(1)
  }
  await expect(rows(page).first()).toBeVisible()
})

test('"Mine" asks which user the person is once, then opens their conversations', async ({ page }) => {
  const response = await page.request.get('/api/users/', { headers: APP_HEADERS })
  const { users } = (await response.json()) as { users: { id: string; name: string; deleted?: boolean }[] }
  const me = users.find((user) => !user.deleted)
  if (!me) throw new Error('the emulator has no users')

  await page.goto('/')
  await readyMade(page).getByRole('button', { name: 'Mine…' }).click()
  await readyMade(page).getByLabel('Which HighLevel user are you?').selectOption(me.id)
  await readyMade(page).getByRole('button', { name: 'Show mine' }).click()
  await expect(page).toHaveURL(`/?assignedTo=${me.id}`)
  await expect(readyMade(page).getByRole('link', { name: 'Mine' })).toHaveAttribute('aria-current', 'page')

  // Remembered in the browser: after a reload "Mine" is a plain link.
  await page.reload()
  await expect(readyMade(page).getByRole('link', { name: 'Mine' })).toHaveAttribute('aria-current', 'page')
  await expect(readyMade(page).getByRole('button', { name: 'Mine…' })).toHaveCount(0)
})

test('an empty view names the filter that emptied it, with what removing it would show', async ({ page }) => {
  await page.goto('/?query=zzqqxx-no-such-thing&status=unread')
  await expect(page.getByText('Without ‘Status: Unread’: still none')).toBeVisible()
  const removeQuery = page.getByRole('button', { name: /^Remove ‘Search: “zzqqxx-no-such-thing”’ — [\d,]+ conversations$/ })
  const unread = (await removeQuery.textContent())?.split(' — ')[1] ?? ''
  await removeQuery.click()
  await expect(page).toHaveURL('/?status=unread')
  await expect(rows(page).first()).toBeVisible()
  await expect(listTotal(page)).toHaveText(unread)
  await page.goBack()
  await expect(page).toHaveURL('/?query=zzqqxx-no-such-thing&status=unread')
})
