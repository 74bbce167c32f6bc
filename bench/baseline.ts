/**
 * The yardstick: the same conversations as a plain, non-virtualised HTML table, every row in
 * the DOM, no framework. Measured like the app, so the report can show ratios.
 */
import type { Browser } from '@playwright/test'
import { conversationSchema, searchResponseSchema, type Conversation } from '../src/api/schemas/conversation'
import { DEFAULT_VIEW, type SearchCursor } from '../src/api/schemas/search-view'
import { toApiParams } from '../src/api/search-params'
import { KEEP_NAMES_SHIM, memoryAfterGc, openPage, setCpuThrottling, type Memory } from './browser'
import { CPU_THROTTLE, SELECTORS } from './config'
import { scrollFromTop } from './inbox-runs'
import { installProbes } from './page-probes'
import { scrollStats, type ScrollStats } from './stats'

export interface Baseline {
  rows: number
  domRows: number
  memory: Memory
  scroll: { unthrottled: ScrollStats; throttled: ScrollStats }
}

const PAGE = 100

/**
 * The first `count` conversations of the default view, paged through the server's /api the way
 * docs/emulator.md says a correct client does: the cursor is the last item that does not share
 * the page's final sort value, so a tie run across the page boundary is fetched again whole, and
 * repeats are dropped by id.
 */
export async function fetchConversations(url: string, count: number): Promise<Conversation[]> {
  const rows: Conversation[] = []
  const seen = new Set<string>()
  let cursor: SearchCursor | null = null
  while (rows.length < count) {
    const params = toApiParams({ ...DEFAULT_VIEW, limit: PAGE }, cursor)
    const response = await fetch(`${url}/api/conversations/search?${params}`)
    if (!response.ok) throw new Error(`The search for the baseline's rows answered ${response.status}`)
    const page = searchResponseSchema.parse(await response.json()).conversations.map((item) => conversationSchema.parse(item))
    for (const conversation of page) {
      if (!seen.has(conversation.id)) rows.push(conversation)
      seen.add(conversation.id)
    }
    if (page.length < PAGE) break
    const lastSort = String(page.at(-1)?.sort)
    cursor = page.findLast((conversation) => String(conversation.sort) !== lastSort)?.sort ?? null
    if (cursor === null) throw new Error(`${PAGE} conversations share one sort value: the baseline cannot page past them`)
  }
  return rows.slice(0, count)
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

export async function measureBaseline(browser: Browser, url: string, count: number): Promise<Baseline> {
  const conversations = await fetchConversations(url, count)
  const { page, cdp, close } = await openPage(browser)
  try {
    await page.setContent(plainTable(conversations))
    // setContent is not a navigation: the init scripts did not run on this document.
    await page.evaluate(KEEP_NAMES_SHIM)
    await page.evaluate(installProbes, SELECTORS)
    const domRows = await page.evaluate(() => window.__bench.renderedRows())
    const memory = await memoryAfterGc(cdp)
    const unthrottled = await scrollFromTop(page)
    await setCpuThrottling(cdp, CPU_THROTTLE)
    const throttled = await scrollFromTop(page)
    await setCpuThrottling(cdp, 1)
    return {
      rows: conversations.length,
      domRows,
      memory,
      scroll: { unthrottled: scrollStats(unthrottled), throttled: scrollStats(throttled) },
    }
  } finally {
    await close()
  }
}
