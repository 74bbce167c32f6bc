/**
 * The yardstick: the conversations the app loaded, as a plain, non-virtualised HTML table, every
 * row in the DOM, no framework. Measured like the app, so the report can show ratios.
 */
import type { Browser } from '@playwright/test'
import type { Conversation } from '../src/api/schemas/conversation'
import { KEEP_NAMES_SHIM, openPage, type Memory } from './browser'
import { SELECTORS } from './config'
import { measureLoadedPage } from './inbox-runs'
import { installProbes } from './page-probes'
import type { ScrollStats } from './stats'

export interface Baseline {
  rows: number
  domRows: number
  memory: Memory
  scroll: { unthrottled: ScrollStats; throttled: ScrollStats }
}

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char)

/** Close to the app's label; the baseline needs text of the same kind, not the same rules. */
const nameOf = (c: Conversation): string => c.fullName || c.contactName || c.email || c.phone || 'Unknown contact'

function plainTable(conversations: readonly Conversation[]): string {
  const cell = (text: string) => `<td role="gridcell">${escape(text)}</td>`
  const body = conversations
    .map((c) =>
      [
        '<tr role="row">',
        cell(nameOf(c)),
        cell(c.lastMessageType?.replace(/^TYPE_/, '') ?? '—'),
        cell(c.lastMessageBody ?? ''),
        cell(c.unreadCount ? String(c.unreadCount) : ''),
        '</tr>',
      ].join(''),
    )
    .join('\n')
  return `<!doctype html><html><head><style>
    body { margin: 0; font: 14px system-ui, sans-serif; }
    .scroll { height: 100vh; overflow: auto; }
    table { width: 100%; border-collapse: collapse; table-layout: fixed; }
    th, td { height: 43px; padding: 0 16px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-bottom: 1px solid #e2e8f0; text-align: left; }
    th { position: sticky; top: 0; background: #f8fafc; }
  </style></head><body><div class="scroll" data-testid="inbox-scroll"><table role="grid">
    <thead><tr role="row"><th role="columnheader">Name</th><th role="columnheader">Channel</th><th role="columnheader">Last message</th><th role="columnheader">Unread</th></tr></thead>
    <tbody>${body}</tbody></table></div></body></html>`
}

/** The conversations the app loaded, every one in the DOM at once. */
export async function measureBaseline(browser: Browser, conversations: readonly Conversation[]): Promise<Baseline> {
  const { page, cdp, close } = await openPage(browser)
  try {
    await page.setContent(plainTable(conversations))
    // setContent is not a navigation: the init scripts did not run on this document.
    await page.evaluate(KEEP_NAMES_SHIM)
    await page.evaluate(installProbes, SELECTORS)
    const domRows = await page.evaluate(() => window.__bench.renderedRows())
    const { memory, scroll } = await measureLoadedPage(page, cdp)
    return { rows: conversations.length, domRows, memory, scroll }
  } finally {
    await close()
  }
}
