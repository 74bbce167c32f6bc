import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test'
import { APP_HEADERS } from './app-headers'

/**
 * Several agents on one server, for the live specs: each agent is its own browser context
 * (its own storage, so its own tab ids, preferences and drafts), as two people on two machines.
 */

export interface Agent {
  context: BrowserContext
  page: Page
}

export async function newAgent(browser: Browser, baseURL: string | undefined): Promise<Agent> {
  const context = await browser.newContext({ baseURL })
  return { context, page: await context.newPage() }
}

export interface ListedUser {
  id: string
  name: string
}

export async function activeUsers(request: APIRequestContext): Promise<ListedUser[]> {
  const response = await request.get('/api/users/', { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  const { users } = (await response.json()) as { users: (ListedUser & { deleted?: boolean })[] }
  return users.filter((user) => !user.deleted && user.name.trim() !== '')
}

/** Says who this browser's agent is through the app's own setting ("I am (HighLevel user)"). */
export async function setWhoAmI(page: Page, userName: string | undefined): Promise<void> {
  await page.getByRole('button', { name: 'Preferences' }).click()
  const dialog = page.getByRole('dialog', { name: 'Preferences' })
  const who = dialog.getByRole('combobox', { name: 'I am (HighLevel user)' })
  await expect(who.locator('option', { hasText: userName ?? 'Not set' })).toHaveCount(1)
  await who.selectOption({ label: userName ?? 'Not set' })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
}

const isEventStream = (request: Request) => new URL(request.url()).pathname === '/_inbox/events'

/** The push streams a browser context opened, and which of them are open now (by page). */
export function watchEventStreams(context: BrowserContext) {
  const open = new Set<Request>()
  let opened = 0
  context.on('request', (request) => {
    if (!isEventStream(request)) return
    opened += 1
    open.add(request)
  })
  const closed = (request: Request) => open.delete(request)
  context.on('requestfinished', closed)
  context.on('requestfailed', closed)
  return {
    opened: () => opened,
    open: () => open.size,
    /** The page whose tab holds the one open stream. */
    holder: (): Page | undefined => [...open][0]?.frame().page(),
  }
}

/** What the app posts for a reply: `POST /api/conversations/messages`. */
export function countSends(context: BrowserContext): () => number {
  let sends = 0
  context.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/conversations/messages') sends += 1
  })
  return () => sends
}
