import { expect, test, type Page } from '@playwright/test'
import { conversationRows } from './support/inbox'
import { APP_HEADERS } from './support/app-headers'

const header = (page: Page, id: string) => page.locator(`[role="columnheader"][data-column-id="${id}"]`)
const firstRow = (page: Page) => conversationRows(page).first()

test('columns hidden and resized are remembered after a reload', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/')
  await expect(firstRow(page)).toBeVisible()
  await expect(header(page, 'channel')).toBeVisible()

  // Arrow keys on a width slider move 16 px from any width (Channel's 152 px is off the 16 px grid).
  await page.getByRole('button', { name: 'Columns' }).click()
  const menu = page.getByRole('group', { name: 'Columns' })
  const channelWidth = menu.getByRole('slider', { name: 'Channel width' })
  await expect(channelWidth).toHaveAttribute('aria-valuetext', '152 pixels')
  await channelWidth.focus()
  await page.keyboard.press('ArrowRight')
  await expect(channelWidth).toHaveAttribute('aria-valuetext', '168 pixels')
  await expect.poll(async () => (await header(page, 'channel').boundingBox())?.width).toBe(168)
  await page.keyboard.press('ArrowLeft')
  await expect(channelWidth).toHaveAttribute('aria-valuetext', '152 pixels')

  await menu.getByRole('checkbox', { name: 'Channel' }).uncheck()
  await page.keyboard.press('Escape')
  await expect(header(page, 'channel')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Columns' })).toBeFocused()

  const name = header(page, 'name')
  const before = (await name.boundingBox())?.width ?? 0
  // The keyboard resizes from the menu (the header's handles are no tab stops).
  await page.getByRole('button', { name: 'Columns' }).click()
  const width = menu.getByRole('slider', { name: 'Name width' })
  await width.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect.poll(async () => (await name.boundingBox())?.width).toBe(before + 32)
  await expect(width).toHaveAttribute('aria-valuetext', `${before + 32} pixels`)
  await page.keyboard.press('Escape')

  // Dragging the handle resizes too.
  const handle = page.locator('[data-resize-handle="name"]')
  const box = await handle.boundingBox()
  if (!box) throw new Error('no resize handle')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 })
  await page.mouse.up()
  await expect.poll(async () => (await name.boundingBox())?.width).toBe(before + 72)
  await page.getByRole('button', { name: 'Columns' }).click()
  await expect(width).toHaveAttribute('aria-valuetext', `${before + 72} pixels`)

  await page.reload()
  await expect(firstRow(page)).toBeVisible()
  await expect(header(page, 'channel')).toHaveCount(0)
  await expect.poll(async () => (await name.boundingBox())?.width).toBe(before + 72)
  // Rows follow the header's columns (the first cell is the row's tick box).
  await expect.poll(async () => (await firstRow(page).locator('[role="gridcell"]').nth(1).boundingBox())?.width).toBe(
    before + 72,
  )
})

test('density sets the row height', async ({ page }) => {
  await page.goto('/')
  await expect(firstRow(page)).toBeVisible()
  await page.getByRole('button', { name: 'Preferences' }).click()
  const dialog = page.getByRole('dialog', { name: 'Preferences' })
  await dialog.getByRole('radio', { name: 'Comfortable' }).check()
  await expect.poll(async () => (await firstRow(page).boundingBox())?.height).toBe(52)
  await dialog.getByRole('radio', { name: 'Compact' }).check()
  await expect.poll(async () => (await firstRow(page).boundingBox())?.height).toBe(40)
})

test('the Waiting column colours inbound conversations against the response target', async ({ page, request }) => {
  const response = await request.get('/api/conversations/search?lastMessageDirection=inbound&limit=1', { headers: APP_HEADERS })
  const [inbound] = ((await response.json()) as { conversations: { id: string; lastMessageDate: number }[] }).conversations
  if (!inbound) throw new Error('the emulator has no inbound conversation')
  // The page's clock is pinned to a known distance from that conversation's last message; its
  // timers still run, so the badge's minute clock can be moved on (the default target is 2 h).
  const minutes = (count: number) => inbound.lastMessageDate + count * 60_000
  await page.clock.install({ time: minutes(30) })
  await page.clock.setFixedTime(minutes(30))
  await page.goto('/?lastMessageDirection=inbound')
  await expect(header(page, 'waiting')).toBeVisible()
  await expect(firstRow(page)).toHaveAttribute('data-conversation-id', inbound.id)
  const badge = firstRow(page).locator('[data-level]')
  await expect(badge).toHaveText('Waiting 30 min')
  await expect(badge).toHaveAttribute('data-level', 'ok')

  await page.clock.setFixedTime(minutes(100))
  await page.clock.runFor(60_000)
  await expect(badge).toHaveText('Waiting 1 h 40 min')
  await expect(badge).toHaveAttribute('data-level', 'warning')

  await page.clock.setFixedTime(minutes(125))
  await page.clock.runFor(60_000)
  await expect(badge).toHaveText('Overdue · waiting 2 h 5 min')
  await expect(badge).toHaveAttribute('data-level', 'overdue')
})
