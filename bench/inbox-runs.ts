/**
 * The measurements taken on the real app: each opens a fresh page (cold cache) on a server
 * whose emulator holds a given number of conversations behind a given API latency.
 */
import type { Browser, Page } from '@playwright/test'
import { memoryAfterGc, openPage, setCpuThrottling, waitForFirstRow, withTimeout, type Memory } from './browser'
import { CPU_THROTTLE, FILTER, LOAD, READER, SCROLL, SELECTORS } from './config'
import type { ScrollRun } from './page-probes'
import { scrollStats, type ScrollStats } from './stats'

const SEARCH_PATH = '/api/conversations/search'

interface SearchTraffic {
  requests: number
  inFlight: number
  /** Date.now() of the last request sent or answered. */
  lastActivity: number
  /** The largest `limit` the app asked for. */
  pageSize: number
  rowsReceived: number
  total: number | undefined
}

/** Counts the page's search requests and the conversations their answers carried. */
function trackSearches(page: Page): SearchTraffic {
  const traffic: SearchTraffic = { requests: 0, inFlight: 0, lastActivity: Date.now(), pageSize: 0, rowsReceived: 0, total: undefined }
  const isSearch = (url: string) => new URL(url).pathname === SEARCH_PATH
  page.on('request', (request) => {
    if (!isSearch(request.url())) return
    traffic.requests++
    traffic.inFlight++
    traffic.lastActivity = Date.now()
    traffic.pageSize = Math.max(traffic.pageSize, Number(new URL(request.url()).searchParams.get('limit') ?? 0))
  })
  const settled = (url: string) => {
    if (!isSearch(url)) return
    traffic.inFlight--
    traffic.lastActivity = Date.now()
  }
  page.on('requestfinished', (request) => settled(request.url()))
  page.on('requestfailed', (request) => settled(request.url()))
  page.on('response', async (response) => {
    if (!isSearch(response.url()) || !response.ok()) return
    const body: unknown = await response.json().catch(() => undefined)
    if (typeof body !== 'object' || body === null) return
    if ('conversations' in body && Array.isArray(body.conversations)) traffic.rowsReceived += body.conversations.length
    if ('total' in body && typeof body.total === 'number') traffic.total ??= body.total
  })
  return traffic
}

/** Milestones of a first visit, ms from navigation start: where the time to the first row goes. */
export interface FirstVisitTimeline {
  /** The app's scripts have run (DOMContentLoaded waits for module scripts). */
  scriptsRunMs: number
  searchSentMs: number
  searchAnsweredMs: number
  firstRowMs: number
}

export interface FirstVisit extends FirstVisitTimeline {
  /** Paths of the scripts and style sheets fetched before the first row showed. */
  assets: string[]
}

export async function timeFirstRow(browser: Browser, url: string): Promise<FirstVisit> {
  const { page, close } = await openPage(browser)
  try {
    const assets: string[] = []
    page.on('request', (request) => {
      const type = request.resourceType()
      if ((type === 'script' || type === 'stylesheet') && request.url().startsWith(url)) assets.push(new URL(request.url()).pathname)
    })
    await page.goto(url)
    const firstRowMs = await waitForFirstRow(page)
    const timeline = await page.evaluate((searchPath) => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
      const search = performance
        .getEntriesByType('resource')
        .find((entry) => new URL(entry.name).pathname === searchPath) as PerformanceResourceTiming | undefined
      return {
        scriptsRunMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        searchSentMs: search?.startTime ?? Number.NaN,
        searchAnsweredMs: search?.responseEnd ?? Number.NaN,
      }
    }, SEARCH_PATH)
    return { ...timeline, firstRowMs, assets: [...assets] }
  } finally {
    await close()
  }
}

/** From the click on the filter to the first frame showing the filtered count and a row. */
export async function timeFilterChange(browser: Browser, url: string, expectedTotal: number): Promise<number> {
  const { page, close } = await openPage(browser)
  try {
    await page.goto(url)
    await waitForFirstRow(page)
    await page.evaluate((total) => window.__bench.armFilter(total), expectedTotal)
    await page.getByRole('radio', { name: FILTER.label, exact: true }).click()
    return await withTimeout(
      page.evaluate(() => window.__bench.filterDone ?? Promise.reject(new Error('The filter timer was not armed'))),
      30_000,
      'The filter change',
    )
  } finally {
    await close()
  }
}

export interface LoadedInbox {
  rowsLoaded: number
  /** What the API says the view holds; more than `rowsLoaded` when the app stopped early. */
  total: number | undefined
  /** The app stopped asking for pages before `rows` were loaded. */
  listEnded: boolean
  loadMs: number
  pageSize: number
  requests: number
  requestsPer1000Rows: number
  /** Body rows in the DOM right after loading, and the most seen while scrolling. */
  domRowsMax: number
  memory: Memory
  scroll: { unthrottled: ScrollStats; throttled: ScrollStats }
}

/** Scrolls to the end until `rows` conversations are loaded, then measures the loaded page. */
export async function loadAndScroll(browser: Browser, url: string, rows: number): Promise<LoadedInbox> {
  const { page, cdp, close } = await openPage(browser)
  try {
    const traffic = trackSearches(page)
    await page.goto(`${url}/?limit=${LOAD.pageSize}`)
    await waitForFirstRow(page)
    const started = Date.now()
    await page.evaluate(() => window.__bench.startLoading())
    const listEnded = () => traffic.inFlight === 0 && Date.now() - traffic.lastActivity > LOAD.endAfterIdleMs
    while (traffic.rowsReceived < rows && !listEnded() && Date.now() - started < LOAD.timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const ended = listEnded()
    const loadMs = Date.now() - started - (ended ? LOAD.endAfterIdleMs : 0)
    await page.evaluate(() => window.__bench.stopLoading())
    await page.waitForTimeout(500)
    const requests = traffic.requests
    const rowsAfterLoad = await page.evaluate(() => window.__bench.renderedRows())
    const memory = await memoryAfterGc(cdp)
    const unthrottled = await scrollFromTop(page)
    await setCpuThrottling(cdp, CPU_THROTTLE)
    const throttled = await scrollFromTop(page)
    await setCpuThrottling(cdp, 1)
    return {
      rowsLoaded: traffic.rowsReceived,
      total: traffic.total,
      listEnded: ended,
      loadMs,
      pageSize: traffic.pageSize,
      requests,
      requestsPer1000Rows: (requests / traffic.rowsReceived) * 1000,
      domRowsMax: Math.max(rowsAfterLoad, unthrottled.maxRows, throttled.maxRows),
      memory,
      scroll: { unthrottled: scrollStats(unthrottled), throttled: scrollStats(throttled) },
    }
  } finally {
    await close()
  }
}

/** Steady scrolling over `SCROLL.distancePx` from the top of the list. */
export async function scrollFromTop(page: Page): Promise<ScrollRun> {
  await page.evaluate((selector) => document.querySelector(selector)?.scrollTo(0, 0), SELECTORS.scroll)
  await page.waitForTimeout(300)
  return withTimeout(
    page.evaluate(({ pxPerFrame, distancePx, maxMs }) => window.__bench.scrollFixed(pxPerFrame, distancePx, maxMs), SCROLL),
    SCROLL.maxMs + 30_000,
    'Scrolling',
  )
}

export interface Reading {
  rowsRead: number
  readMs: number
  unloadedShare: number
  requests: number
  requestsPer1000Rows: number
}

/** A reader scrolling at `READER.rowsPerSecond` from the top of a freshly opened inbox. */
export async function readSteadily(browser: Browser, url: string): Promise<Reading> {
  const { page, close } = await openPage(browser)
  try {
    const traffic = trackSearches(page)
    await page.goto(url)
    await waitForFirstRow(page)
    const run = await withTimeout(
      page.evaluate(({ rowsPerSecond, durationMs }) => window.__bench.read(rowsPerSecond, durationMs), READER),
      READER.durationMs * 3,
      'Reading',
    )
    return {
      rowsRead: run.rowsRead,
      readMs: run.totalMs,
      unloadedShare: run.unloadedMs / run.totalMs,
      requests: traffic.requests,
      requestsPer1000Rows: (traffic.requests / traffic.rowsReceived) * 1000,
    }
  } finally {
    await close()
  }
}
