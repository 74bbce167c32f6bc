import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { answerWith, fakeConversations, startFakeHighLevel, type FakeHighLevel } from './support/fake-highlevel'
import { conversationRows } from './support/inbox'
import { APP_HEADERS } from './support/app-headers'

const inbox = (page: Page) => page.getByRole('region', { name: 'Inbox' })
const retryNotice = (page: Page) => page.getByTestId('retry-notice')

/** The highest row number drawn: the list is virtualized, so it tells how far it is loaded. */
const lastRowIndex = (page: Page) =>
  conversationRows(page).evaluateAll((nodes) => Math.max(...nodes.map((node) => Number(node.getAttribute('aria-rowindex')))))

const scrollToEnd = (page: Page) =>
  page.getByTestId('inbox-scroll').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight))

/** Runs the page's clock (installed before `goto`) through retry back-offs until `target` shows. */
async function runClockUntilVisible(page: Page, target: Locator): Promise<void> {
  await expect(async () => {
    await page.clock.runFor(8_000)
    await expect(target).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 25_000, intervals: [100] })
}

async function knobs(request: APIRequestContext, body: Record<string, unknown>): Promise<void> {
  expect((await request.post('/_emulator/knobs', { data: body })).ok()).toBe(true)
}

async function firstIds(request: APIRequestContext, query: string): Promise<string[]> {
  const response = await request.get(`/api/conversations/search?${query}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { conversations: { id: string }[] }).conversations.map((row) => row.id)
}

test.describe('against the emulator', () => {
  test.afterEach(async ({ request }) => {
    await knobs(request, {})
  })

  test('server errors are retried with a countdown, then offer a Retry that works once HighLevel is back', async ({ page, request }) => {
    await knobs(request, { failureRate: 1 })
    await page.clock.install()
    await page.goto('/')
    await expect(retryNotice(page)).toContainText(/HighLevel (had a problem|could not be reached) — retrying in \d+ s/)
    const retry = inbox(page).getByRole('button', { name: 'Try again' })
    await runClockUntilVisible(page, retry)
    await expect(inbox(page).getByRole('alert')).toContainText(/HighLevel (had a problem|could not be reached)/)

    await knobs(request, { failureRate: 0 })
    await retry.click()
    await expect(conversationRows(page).first()).toBeVisible()
    await expect(inbox(page).getByRole('alert')).toHaveCount(0)
  })

  test('a failed next page keeps every row shown and retries in place', async ({ page, request }) => {
    await page.clock.install()
    await page.goto('/')
    await expect(inbox(page).getByText('3,000 conversations')).toBeVisible()
    await expect(conversationRows(page).first()).toBeVisible()
    const firstId = await conversationRows(page).first().getAttribute('data-conversation-id')

    await knobs(request, { failureRate: 1 })
    await scrollToEnd(page)
    const loader = page.getByRole('gridcell').filter({ hasText: 'Could not load more conversations' })
    await runClockUntilVisible(page, loader)
    const loadedBefore = await lastRowIndex(page)
    expect(loadedBefore).toBeGreaterThan(2)

    await knobs(request, { failureRate: 0 })
    await loader.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => lastRowIndex(page)).toBeGreaterThan(loadedBefore)
    await page.getByTestId('inbox-scroll').evaluate((scroller) => scroller.scrollTo(0, 0))
    await expect(conversationRows(page).first()).toHaveAttribute('data-conversation-id', firstId ?? '')
  })

  test('offline: says so, and loads the view chosen meanwhile once back', async ({ page, context, request }) => {
    const [firstUnread] = await firstIds(request, 'status=unread&limit=1')
    await page.goto('/')
    await expect(conversationRows(page).first()).toBeVisible()
    await context.setOffline(true)
    await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible()
    await page.getByRole('radio', { name: 'Unread' }).check()
    await expect(inbox(page).getByRole('alert')).toHaveCount(0)

    await context.setOffline(false)
    await expect(page.getByText('You are offline')).toHaveCount(0)
    await expect(conversationRows(page).first()).toHaveAttribute('data-conversation-id', firstUnread ?? '')
  })

  test('rapid filter changes end on the last view chosen, never an older answer', async ({ page, request }) => {
    const expected = await firstIds(request, 'status=starred&limit=10')
    let pending = 0
    page.on('request', (sent) => {
      if (sent.url().includes('/api/conversations/search')) pending += 1
    })
    page.on('requestfinished', (sent) => {
      if (sent.url().includes('/api/conversations/search')) pending -= 1
    })
    page.on('requestfailed', (sent) => {
      if (sent.url().includes('/api/conversations/search')) pending -= 1
    })
    await page.goto('/')
    await expect(conversationRows(page).first()).toBeVisible()

    await knobs(request, { latencyMs: 100, jitterMs: 500 })
    for (const status of ['Unread', 'Read', 'Recents', 'Unread', 'Starred']) {
      await page.getByRole('radio', { name: status, exact: true }).check()
    }
    await expect(page).toHaveURL(/[?&]status=starred(&|$)/)
    await expect.poll(() => pending, { timeout: 15_000 }).toBe(0)
    await expect(conversationRows(page).first()).toHaveAttribute('data-conversation-id', expected[0] ?? '')
    const shown = await conversationRows(page).evaluateAll((nodes) => nodes.slice(0, 10).map((node) => node.getAttribute('data-conversation-id')))
    expect(shown).toEqual(expected.slice(0, shown.length))
  })
})

test.describe("a 429's Retry-After, answered by the page's own route (no emulator state)", () => {
  // Date stands still at NOW while timers run and can be run forward: the countdown shows exactly
  // the wait the page chose, and the retry's fake time tells when it went out.
  const NOW = Date.UTC(2026, 10, 2, 15, 0, 0)
  const cases = [
    { form: 'seconds', retryAfter: '17', seconds: 17 },
    { form: 'an HTTP date', retryAfter: new Date(NOW + 23_000).toUTCString(), seconds: 23 },
    { form: 'seconds past the 60 s cap', retryAfter: '600', seconds: 60 },
  ]

  for (const { form, retryAfter, seconds } of cases) {
    test(`Retry-After in ${form}: waits ${seconds} s, says so, then carries on`, async ({ page }) => {
      // When each list search left the page, on the page's fake clock.
      await page.addInitScript(() => {
        const sentAt: number[] = []
        Object.assign(window, { listSearchesSentAt: sentAt })
        const send = window.fetch.bind(window)
        window.fetch = (input, init) => {
          const url = new URL(input instanceof Request ? input.url : String(input), location.href)
          if (url.pathname === '/api/conversations/search' && url.searchParams.get('limit') !== '1') sentAt.push(performance.now())
          return send(input, init)
        }
      })
      let limited = false
      await page.route('**/api/conversations/search?*', (route) => {
        if (limited || new URL(route.request().url()).searchParams.get('limit') === '1') return route.continue()
        limited = true
        return route.fulfill({ status: 429, headers: { 'Retry-After': retryAfter }, json: { statusCode: 429, message: 'Too Many Requests' } })
      })
      await page.clock.install({ time: NOW })
      await page.clock.setFixedTime(NOW)
      await page.goto('/')
      // The default back-off would say 1 s, and the rate window (absent here) 10 s.
      await expect(retryNotice(page)).toContainText(`HighLevel is rate limiting us — retrying in ${seconds} s`)

      await page.clock.runFor(seconds * 1000)
      await expect(conversationRows(page).first()).toBeVisible()
      await expect(retryNotice(page)).toHaveCount(0)
      const sentAt = await page.evaluate(() => (window as unknown as { listSearchesSentAt: number[] }).listSearchesSentAt)
      // The first answer fails; the second is its retry (further pages follow).
      expect(sentAt.length).toBeGreaterThanOrEqual(2)
      const waited = (sentAt[1] ?? 0) - (sentAt[0] ?? 0)
      expect(waited).toBeGreaterThanOrEqual(seconds * 1000)
      expect(waited).toBeLessThan(seconds * 1000 + 5_000)
    })
  }
})

test.describe('against a scripted HighLevel behind the proxy (live mode)', () => {
  let fake: FakeHighLevel
  test.beforeAll(async () => {
    fake = await startFakeHighLevel(1_000)
  })
  test.afterAll(async () => {
    await fake.stop()
  })
  test.beforeEach(() => {
    fake.script(answerWith(fakeConversations(3)))
    fake.requests.length = 0
  })

  // The list's own requests; the status tabs' counts ask with limit=1.
  const searches = () =>
    fake.requests.filter((url) => url.pathname === '/conversations/search' && url.searchParams.get('limit') !== '1')

  test('401: says the token was rejected and what to check, at once, without retrying', async ({ page }) => {
    fake.script(() => ({ status: 401, body: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' } }))
    await page.goto(`${fake.app.url}/`)
    const alert = inbox(page).getByRole('alert')
    await expect(alert).toContainText('HighLevel rejected the access token')
    await expect(alert).toContainText('GHL_TOKEN')
    await expect(alert.getByRole('button')).toHaveCount(0)
    expect(searches()).toHaveLength(1)
  })

  test('403: names the location and the scopes to check', async ({ page }) => {
    fake.script(() => ({ status: 403, body: { statusCode: 403, message: 'The token is not authorized for this scope.' } }))
    await page.goto(`${fake.app.url}/`)
    const alert = inbox(page).getByRole('alert')
    await expect(alert).toContainText('HighLevel refused access to this location')
    await expect(alert).toContainText('The token is not authorized for this scope.')
    await expect(alert).toContainText(/GHL_LOCATION_ID.*conversations\.readonly/)
    expect(searches()).toHaveLength(1)
  })

  test('422: the message sits beside the filter it names, and changing it recovers', async ({ page }) => {
    const message = 'status must be one of the following values: all, read, starred, recents'
    const normal = answerWith(fakeConversations(3))
    fake.script((url) =>
      url.searchParams.get('status') === 'unread'
        ? { status: 422, body: { statusCode: 422, message: [message], error: 'Unprocessable Entity' } }
        : normal(url),
    )
    await page.goto(`${fake.app.url}/?status=unread`)
    await expect(inbox(page).getByRole('alert')).toContainText('HighLevel did not accept a filter')
    await expect(page.locator('fieldset:has(> legend:text-is("Status")) + [role="alert"]')).toHaveText(message)
    expect(searches()).toHaveLength(1)

    await page.getByRole('radio', { name: 'All', exact: true }).check()
    await expect(conversationRows(page)).toHaveCount(3)
    await expect(page.getByText(message)).toHaveCount(0)
  })

  test('504: a HighLevel that never answers is retried, then explained with a Retry', async ({ page }) => {
    fake.script((url) => (url.pathname === '/conversations/search' ? 'hang' : { body: { users: [] } }))
    await page.clock.install()
    // A view no earlier test asked for: the server's shared read may still keep the others' answers.
    await page.goto(`${fake.app.url}/?query=never-answered`)
    const retry = inbox(page).getByRole('button', { name: 'Try again' })
    await runClockUntilVisible(page, retry)
    await expect(inbox(page).getByRole('alert')).toContainText('HighLevel did not answer in time')
    await expect(inbox(page).getByRole('alert')).toContainText('within 1000 ms')

    fake.script(answerWith(fakeConversations(3)))
    await retry.click()
    await expect(conversationRows(page)).toHaveCount(3)
  })

  test('502: an unreachable HighLevel is explained with a Retry', async ({ page }) => {
    // Its own fake: closing the upstream must not break the tests that run after it.
    const gone = await startFakeHighLevel(1_000)
    try {
      await gone.closeUpstream()
      await page.clock.install()
      await page.goto(`${gone.app.url}/`)
      const retry = inbox(page).getByRole('button', { name: 'Try again' })
      await runClockUntilVisible(page, retry)
      await expect(inbox(page).getByRole('alert')).toContainText('HighLevel could not be reached')
      await expect(inbox(page).getByRole('alert')).toContainText('Could not reach HighLevel at http://127.0.0.1:')
    } finally {
      await gone.stop()
    }
  })
})
