import { expect, test, type Page } from '@playwright/test'
import { conversationRows } from './support/inbox'


interface Arrived {
  id: string
  unreadCount: number
}

async function arrive(page: Page, data: { count?: number; conversationId?: string }): Promise<Arrived[]> {
  const response = await page.request.post('/_emulator/arrive', { data })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { arrived: Arrived[] }).arrived
}

/** What TanStack Query takes for the window coming back into view: the first page is read again. */
const refocus = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')))

/** The list and its polled first page have both been read once. */
async function openInbox(page: Page) {
  let searches = 0
  page.on('response', (response) => {
    if (response.url().includes('/api/conversations/search')) searches++
  })
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  await expect.poll(() => searches).toBeGreaterThanOrEqual(2)
}

test.afterAll(async ({ request }) => {
  // Arrivals reorder the shared emulator: leave its data as the other specs expect it.
  expect((await request.post('/_emulator/dataset', { data: { fixture: 'generated' } })).ok()).toBe(true)
})

test('new arrivals are announced, not pushed under the reader, and shown at the top on demand', async ({ page }) => {
  await openInbox(page)
  const scroller = page.getByTestId('inbox-scroll')
  await scroller.evaluate((element) => element.scrollTo(0, 800))
  const readIndex = await scroller.evaluate((element) => {
    const header = element.querySelector('[role="columnheader"]')?.getBoundingClientRect()
    const row = document.elementFromPoint(element.getBoundingClientRect().left + 40, (header?.bottom ?? 0) + 10)
    return row?.closest<HTMLElement>('[role="row"]')?.dataset.index ?? ''
  })
  const underEyes = page.locator(`[role="row"][data-index="${readIndex}"]`)
  const idBefore = await underEyes.getAttribute('data-conversation-id')
  const topBefore = (await underEyes.boundingBox())?.y

  const arrived = await arrive(page, { count: 3 })
  await refocus(page)
  const announce = page.getByRole('button', { name: /^3 new/ })
  await expect(announce).toBeVisible()
  await expect(underEyes).toHaveAttribute('data-conversation-id', idBefore ?? '')
  expect((await underEyes.boundingBox())?.y).toBe(topBefore)

  await announce.click()
  await expect(announce).toBeHidden()
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBe(0)
  const topIds = await conversationRows(page).evaluateAll((elements) =>
    elements.slice(0, 3).map((element) => (element as HTMLElement).dataset.conversationId),
  )
  expect(topIds.sort()).toEqual(arrived.map((conversation) => conversation.id).sort())
})

test('an unread count updates in place on the row already shown', async ({ page }) => {
  await openInbox(page)
  const first = conversationRows(page).first()
  const id = (await first.getAttribute('data-conversation-id')) ?? ''
  const [arrived] = await arrive(page, { conversationId: id })
  await refocus(page)
  await expect(first).toHaveAttribute('data-conversation-id', id)
  await expect(first.getByText(`${arrived?.unreadCount ?? -1} unread`)).toBeVisible()
  await expect(page.getByRole('button', { name: /new:/ })).toHaveCount(0)
})

test('j and k move through the rows, o opens the focused one', async ({ page }) => {
  await openInbox(page)
  const first = conversationRows(page).nth(0)
  const second = conversationRows(page).nth(1)
  await first.focus()
  await page.keyboard.press('j')
  await expect(second).toBeFocused()
  await page.keyboard.press('k')
  await expect(first).toBeFocused()
  await page.keyboard.press('j')
  await page.keyboard.press('o')
  const id = await second.getAttribute('data-conversation-id')
  await expect(page).toHaveURL(new RegExp(`/conversations/${id}`))
})
