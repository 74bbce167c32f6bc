import { expect, test, type Page } from '@playwright/test'
import { searchResponseSchema } from '../src/api/schemas/conversation'
import { DEFAULT_VIEW, type SearchView } from '../src/api/schemas/search-view'
import { toSearchPage, type SearchPage } from '../src/api/search-conversations'
import { firstPageParam, mergePages, nextPageParam, requestOf, type SearchPageParam } from '../src/api/search-paging'
import { toApiParams } from '../src/api/search-params'
import { conversationRows } from './support/inbox'
import { APP_HEADERS } from './support/app-headers'


/** Scrolls the list by `by` pixels, lets the browser draw, and reads what is on screen in one go. */
function scrollAndRead(page: Page, by = 0) {
  return page.getByTestId('inbox-scroll').evaluate(async (scroller, by) => {
    if (by !== 0) {
      scroller.scrollBy(0, by)
      // The scroll event and the render it causes happen before the next frames.
      for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve))
    }
    const box = scroller.getBoundingClientRect()
    const header = scroller.querySelector('[role="columnheader"]')?.getBoundingClientRect()
    const rows = [...scroller.querySelectorAll<HTMLElement>('[role="row"][data-conversation-id]')].map((row) => ({
      index: Number(row.getAttribute('aria-rowindex')) - 2,
      id: row.dataset.conversationId ?? '',
    }))
    // What a reader sees, probed every 20 px down the visible part of the list.
    const probes: ('row' | 'loader' | 'end' | 'none')[] = []
    for (let y = (header?.bottom ?? box.top) + 2; y < box.bottom - 2; y += 20) {
      const element = document.elementFromPoint(box.left + 40, y)
      const row = element?.closest('[role="row"]')
      if (row) probes.push(row.hasAttribute('data-conversation-id') ? 'row' : 'loader')
      else probes.push(element?.closest('[data-testid="inbox-end"]') ? 'end' : 'none')
    }
    return {
      rows,
      probes,
      domRows: scroller.querySelectorAll('[role="row"]').length,
      rowsOnScreen: Math.ceil(scroller.clientHeight / 44),
      atBottom: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1,
      ended: scroller.querySelector('[data-testid="inbox-end"]') !== null,
    }
  }, by)
}

/** Rows all the way down, or rows and then the end-of-list marker. */
const drawn = (probes: string[]) => {
  const rows = probes.indexOf('end') === -1 ? probes : probes.slice(0, probes.indexOf('end'))
  return rows.every((probe) => probe === 'row') && probes.slice(rows.length).every((probe) => probe !== 'row')
}

async function totalShown(page: Page): Promise<number> {
  const text = await page.getByRole('region', { name: 'Inbox' }).getByText(/^[\d,]+ conversations?$/).textContent()
  return Number(text?.replace(/\D/g, ''))
}

test('scrolling to the end of a 3,000-row view shows every conversation once, each row staying put', async ({ page }) => {
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 1280, height: 1400 })
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  const total = await totalShown(page)
  expect(total).toBe(3000)

  const idAt = new Map<number, string>()
  const indexOf = new Map<string, number>()
  let mostExtraRows = 0
  let list = await scrollAndRead(page)
  for (let step = 0; step < 1000; step++) {
    if (!drawn(list.probes)) {
      // Only the loader row may show, at the loaded end; the next page must then arrive.
      expect(list.probes.includes('none'), 'an empty row on screen').toBe(false)
      await expect.poll(async () => drawn((await scrollAndRead(page)).probes), { intervals: [50] }).toBe(true)
      list = await scrollAndRead(page)
    }
    mostExtraRows = Math.max(mostExtraRows, list.domRows - list.rowsOnScreen)
    for (const { index, id } of list.rows) {
      // A row never changes once shown, and no conversation appears at two places.
      expect(idAt.get(index) ?? id, `row ${index}`).toBe(id)
      expect(indexOf.get(id) ?? index, `conversation ${id}`).toBe(index)
      idAt.set(index, id)
      indexOf.set(id, index)
    }
    if (list.ended && list.atBottom) break
    list = await scrollAndRead(page, 1200)
  }

  expect(indexOf.size).toBe(total)
  expect([...idAt.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i))
  await expect(page.getByTestId('inbox-end')).toContainText('all 3,000 shown')
  // Only the rows on screen and a small margin are in the DOM, however many are loaded:
  // 6 above and below, the header, the focused row and the loader row.
  expect(mostExtraRows).toBeLessThanOrEqual(15)
})

test('the API pages every sort of the emulator exactly once, ties included', async ({ request }) => {
  test.setTimeout(180_000)
  const views: SearchView[] = [
    DEFAULT_VIEW,
    { ...DEFAULT_VIEW, sort: 'asc', limit: 20 },
    { ...DEFAULT_VIEW, sortBy: 'last_manual_message_date' },
    { ...DEFAULT_VIEW, sortBy: 'last_manual_message_date', sort: 'asc' },
    { ...DEFAULT_VIEW, sortBy: 'score_profile', limit: 10 },
    { ...DEFAULT_VIEW, sortBy: 'score_profile', sort: 'asc', limit: 25 },
    { ...DEFAULT_VIEW, status: 'unread', limit: 7 },
  ]
  for (const view of views) {
    const pages: SearchPage[] = []
    let param: SearchPageParam | undefined = firstPageParam(view)
    while (param) {
      const response = await request.get(`/api/conversations/search?${toApiParams(requestOf(view, param), param.cursor)}`, { headers: APP_HEADERS })
      expect(response.ok(), await response.text()).toBe(true)
      const page = toSearchPage(searchResponseSchema.parse(await response.json()), view.sortBy)
      pages.push(page)
      param = nextPageParam(view, page.items, param)
    }
    const merged = mergePages(pages)
    const ids = merged.conversations.map((conversation) => conversation.id)
    expect(new Set(ids).size, JSON.stringify(view)).toBe(pages[0]?.total)
    expect(ids.length).toBe(pages[0]?.total)
  }
})

test('arrow keys move row by row from a single tab stop, and focus survives scrolling away', async ({ page }) => {
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  // One tab stop for the rows: the grid itself is not one, and only the active row has
  // tabindex 0. The header's stops are the box that ticks the loaded rows and the "Columns"
  // button (resize handles are pointer-only; the rows' boxes are no stops: `x` ticks).
  const rowStops = page.locator('[role="grid"] [role="row"][tabindex="0"]')
  await expect(rowStops).toHaveCount(1)
  const headerStops = page.locator('[role="grid"] [role="columnheader"]').locator('a, button, input, select, [tabindex="0"]')
  await expect(headerStops).toHaveCount(2)
  await expect(headerStops.nth(0)).toHaveAccessibleName('Select the loaded conversations')
  await expect(headerStops.nth(1)).toHaveAccessibleName('Columns')
  await expect(page.getByRole('grid')).toHaveAttribute('tabindex', '-1')
  await rowStops.focus()
  const focused = page.locator('[role="row"]:focus')
  await expect(focused).toHaveAttribute('aria-rowindex', '2')
  await page.keyboard.press('Tab')
  await expect(focused).toHaveCount(0)
  await page.keyboard.press('Shift+Tab')
  await expect(focused).toHaveAttribute('aria-rowindex', '2')

  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(focused).toHaveAttribute('aria-rowindex', '5')
  const id = await focused.getAttribute('data-conversation-id')

  await page.getByTestId('inbox-scroll').evaluate((scroller) => scroller.scrollTo(0, 1500))
  await expect(page.locator('[role="row"][aria-rowindex="40"]')).toBeAttached()
  await expect(focused).toHaveAttribute('data-conversation-id', id ?? '')

  await page.keyboard.press('ArrowDown')
  await expect(focused).toHaveAttribute('aria-rowindex', '6')
  await expect(focused).toBeInViewport()
  await expect(rowStops).toHaveCount(1)

  // End goes to the last row loaded, which brings the next page.
  await page.keyboard.press('End')
  await expect(focused).toBeInViewport()
  expect(Number(await focused.getAttribute('aria-rowindex'))).toBeGreaterThanOrEqual(51)
  await page.keyboard.press('Home')
  await expect(focused).toHaveAttribute('aria-rowindex', '2')
})

test('a new view starts at the top with its own rows', async ({ page }) => {
  await page.goto('/')
  await expect(conversationRows(page).first()).toBeVisible()
  const scroller = page.getByTestId('inbox-scroll')
  await scroller.evaluate((element) => element.scrollTo(0, 1200))
  await expect(page.locator('[role="row"][aria-rowindex="2"]')).not.toBeInViewport()

  await page.getByRole('radio', { name: 'Unread' }).check()
  await expect(page.locator('[role="row"][aria-rowindex="2"]')).toBeVisible()
  expect(await scroller.evaluate((element) => element.scrollTop)).toBe(0)
  await expect(page.locator('[role="grid"]')).toHaveAttribute('aria-rowcount', String((await totalShown(page)) + 1))
})

test('rows describe themselves: unread counts, exact times on hover, text direction from content', async ({ page }) => {
  await page.goto('/')
  const unread = page.getByRole('gridcell', { name: /^\d+\+? unread$/ }).first()
  await expect(unread).toBeVisible()
  await expect(conversationRows(page).first().locator('time')).toHaveAttribute('title', /\d{4}/)
  await expect(conversationRows(page).first().locator('[dir="auto"]').first()).toBeVisible()
})

test('an empty result says which filters are on', async ({ page }) => {
  await page.goto('/?query=zzqqxx-no-such-thing&status=unread')
  await expect(page.getByRole('heading', { name: 'No conversations match these filters' })).toBeVisible()
  const filters = page.getByRole('list', { name: 'Filters on' })
  await expect(filters).toContainText('Search: “zzqqxx-no-such-thing”')
  await expect(filters).toContainText('Status: Unread')
})
