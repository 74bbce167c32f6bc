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

/**
 * The push streams a browser context opened, and which are open now. A stream ends with its
 * request (finished, failed) or with its page: a closed page's requests report nothing more.
 */
export function watchEventStreams(context: BrowserContext) {
  const open = new Map<Request, Page>()
  let opened = 0
  context.on('request', (request) => {
    if (!isEventStream(request)) return
    opened += 1
    const page = request.frame().page()
    open.set(request, page)
    page.once('close', () => open.delete(request))
  })
  const closed = (request: Request) => open.delete(request)
  context.on('requestfinished', closed)
  context.on('requestfailed', closed)
  return {
    opened: () => opened,
    open: () => open.size,
    /** The page whose tab holds an open stream. */
    holder: (): Page | undefined => [...open.values()][0],
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

/** The number a status tab shows, from its accessible description ("1,234 conversations"). */
export async function statusCount(page: Page, label: string): Promise<number> {
  const radio = page.getByRole('group', { name: 'Status' }).getByRole('radio', { name: label, exact: true })
  const id = await radio.getAttribute('aria-describedby')
  const text = id ? await page.locator(`[id="${id}"]`).textContent() : ''
  return Number((text ?? '').replace(/\D/g, '') || Number.NaN)
}

/** The unread count in the tab title, "(12) Inbox"; 0 without one. */
export const titleUnread = async (page: Page) => Number(/^\((\d[\d,]*)\)/.exec(await page.title())?.[1]?.replace(/,/g, '') ?? 0)
