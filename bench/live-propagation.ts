/**
 * The time from a change in one tab to its appearance in another: two agents (two browser
 * contexts: own storage, own tab ids) on one server. Tab A stars and unstars, marks read and
 * unread, a conversation from its pane; tab B shows the inbox, and a MutationObserver notes when
 * B's row draws the change. Both clocks are the machine's (`performance.timeOrigin + now()`).
 * What it covers: A's click, its write through the server to the emulator (no latency), the
 * event on the push channel, B's cache patch and render.
 *
 * Part of `npm run bench`; alone: `npm run build && npx tsx bench/live-propagation.ts`.
 */
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from '@playwright/test'
import { startServer } from '../scripts/start-server'
import { KEEP_NAMES_SHIM, launchBrowser, withTimeout } from './browser'
import { FIRST_PORT, SERVER_ENV, VIEWPORT } from './config'
import { percentile } from './stats'

/** Changes timed per kind (star, read), after one untimed of each. */
export const LIVE_CHANGES = Number(process.env.BENCH_LIVE_CHANGES ?? 20)

export interface LivePropagation {
  /** One per change, star and read state alternating. */
  delaysMs: number[]
  p50Ms: number
  p95Ms: number
  maxMs: number
}

type Shown = 'starred' | 'unstarred' | 'read' | 'unread'

declare global {
  interface Window {
    __liveSeen?: Promise<number>
  }
}

/** In B: resolves with the time the row first shows `want` (now, when it already does). */
function watchRow({ id, want }: { id: string; want: Shown }): void {
  const shows = (): boolean => {
    const row = document.querySelector(`[role="row"][data-conversation-id="${id}"]`)
    if (!row) return false
    const marks = [...row.querySelectorAll('.sr-only')].map((element) => element.textContent?.trim())
    if (want === 'starred' || want === 'unstarred') return marks.includes('Starred') === (want === 'starred')
    return marks.includes('unread') === (want === 'unread')
  }
  const at = () => performance.timeOrigin + performance.now()
  window.__liveSeen = new Promise((resolve) => {
    if (shows()) return resolve(at())
    const observer = new MutationObserver(() => {
      if (!shows()) return
      observer.disconnect()
      resolve(at())
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
}

const pane = (page: Page) => page.getByRole('complementary', { name: 'Conversation' })

const BUTTONS: Record<Shown, string> = { starred: 'Star', unstarred: 'Unstar', read: 'Mark as read', unread: 'Mark as unread' }

/** A clicks the pane's button that makes the row show `want`; the time B drew it, minus the click's. */
async function timeOne(a: Page, b: Page, id: string, want: Shown): Promise<number> {
  await b.evaluate(watchRow, { id, want })
  const written = a.waitForResponse((response) => response.request().method() === 'PUT' && response.url().includes('/api/'))
  const clickedAt = await pane(a).getByRole('button', { name: BUTTONS[want], exact: true }).evaluate((button: HTMLElement) => {
    const at = performance.timeOrigin + performance.now()
    button.click()
    return at
  })
  const seenAt = await withTimeout(b.evaluate(() => window.__liveSeen ?? Number.NaN), 30_000, `B showing ${want}`)
  await written
  return seenAt - clickedAt
}

async function agentPage(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript(KEEP_NAMES_SHIM)
  return { context, page: await context.newPage() }
}

export async function measureLivePropagation(browser: Browser, url: string, changes = LIVE_CHANGES): Promise<LivePropagation> {
  const a = await agentPage(browser)
  const b = await agentPage(browser)
  try {
    await b.page.goto(url)
    const third = b.page.locator('[role="row"][data-conversation-id]').nth(2)
    await third.waitFor()
    const id = (await third.getAttribute('data-conversation-id')) ?? ''
    await a.page.goto(`${url}/conversations/${id}`)
    await pane(a.page).getByRole('button', { name: /^(Star|Unstar)$/ }).waitFor()
    await pane(a.page).getByRole('button', { name: /^Mark as (read|unread)$/ }).waitFor()
    let starred = await pane(a.page).getByRole('button', { name: 'Unstar', exact: true }).isVisible()
    let unread = await pane(a.page).getByRole('button', { name: 'Mark as read', exact: true }).isVisible()
    const delaysMs: number[] = []
    for (let round = 0; round <= changes; round++) {
      starred = !starred
      const starDelay = await timeOne(a.page, b.page, id, starred ? 'starred' : 'unstarred')
      unread = !unread
      const readDelay = await timeOne(a.page, b.page, id, unread ? 'unread' : 'read')
      // The first round warms both pages up (code split chunks, connections).
      if (round > 0) delaysMs.push(starDelay, readDelay)
    }
    return { delaysMs, p50Ms: percentile(delaysMs, 50), p95Ms: percentile(delaysMs, 95), maxMs: Math.max(...delaysMs) }
  } finally {
    await a.context.close()
    await b.context.close()
  }
}

/** Starts its own server (2,000 conversations) on `port`, and its own Chromium unless given one. */
export async function benchLivePropagation(port: number, browser?: Browser): Promise<LivePropagation> {
  const server = await startServer(port, { ...SERVER_ENV, EMULATOR_CONVERSATIONS: '2000' })
  const own = browser ?? (await launchBrowser())
  try {
    return await measureLivePropagation(own, server.url)
  } finally {
    if (!browser) await own.close()
    await server.stop()
  }
}

export function formatLivePropagation(figures: LivePropagation): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`
  return [
    'Live updates: a change in one tab (a click in its pane) until another browser context draws it',
    `  p50 ${ms(figures.p50Ms)}, p95 ${ms(figures.p95Ms)}, max ${ms(figures.maxMs)} over ${figures.delaysMs.length} changes (star and read state)`,
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.error('bench: live propagation between two browser contexts')
  console.log(formatLivePropagation(await benchLivePropagation(FIRST_PORT)))
}
