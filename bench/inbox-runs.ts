/**
 * The measurements taken on the real app: each opens a fresh page (cold cache) on a server
 * whose emulator holds a given number of conversations behind a given API latency.
 */
import type { Browser, CDPSession, Page } from '@playwright/test'
import type { Conversation } from '../src/api/schemas/conversation'
import { memoryAfterGc, openPage, setCpuThrottling, waitForFirstRow, withTimeout, type Memory } from './browser'
import { CPU_THROTTLE, FILTER, LOAD, READER, SCROLL, SELECTORS } from './config'
import { frameBreakdown, traced, type FrameBreakdown } from './frame-breakdown'
import type { ScrollRun } from './page-probes'
import { requestsPer1000Rows, trackSearches, usualPageSize, type SearchTraffic } from './search-traffic'
import { scrollStats, type ScrollStats } from './stats'

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
        .find((entry) => entry.name.includes(searchPath)) as PerformanceResourceTiming | undefined
      return {
        scriptsRunMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        searchSentMs: search?.startTime ?? Number.NaN,
        searchAnsweredMs: search?.responseEnd ?? Number.NaN,
      }
    }, '/api/conversations/search')
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
  /** Distinct conversations received. */
  rowsLoaded: number
  /** Items in all answers, repeats included. */
  itemsReceived: number
  /** What the API says the view holds; more than `rowsLoaded` when the app stopped early. */
  total: number | undefined
  /** The app stopped asking for pages before `rows` were loaded. */
  listEnded: boolean
  loadMs: number
  /** The `limit` the app asked for most often. */
  pageSize: number
  requests: number
  requestsPer1000Rows: number
  /** Body rows in the DOM right after loading, and the most seen while scrolling. */
  domRowsMax: number
  memory: Memory
  scroll: LoadedPageScroll
}

export interface LoadedPageScroll {
  unthrottled: ScrollStats
  throttled: ScrollStats
  /** Where a frame's time goes under `CPU_THROTTLE`, from a traced run of its own after the timed one. */
  throttledBreakdown: FrameBreakdown
}

export interface LoadedRows {
  traffic: SearchTraffic
  loadMs: number
  /** The app stopped asking for pages before `rows` were loaded. */
  listEnded: boolean
}

/** Opens the inbox and keeps it scrolled to the bottom until `rows` conversations are loaded. */
export async function loadRows(page: Page, url: string, rows: number): Promise<LoadedRows> {
  const traffic = trackSearches(page)
  await page.goto(`${url}/?limit=${LOAD.pageSize}`)
  await waitForFirstRow(page)
  const started = Date.now()
  await page.evaluate(() => window.__bench.startLoading())
  const ended = () => traffic.inFlight === 0 && Date.now() - traffic.lastActivity > LOAD.endAfterIdleMs
  while (traffic.conversations.size < rows && !ended() && Date.now() - started < LOAD.timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const listEnded = ended()
  const loadMs = Date.now() - started - (listEnded ? LOAD.endAfterIdleMs : 0)
  await page.evaluate(() => window.__bench.stopLoading())
  await page.waitForTimeout(500)
  return { traffic, loadMs, listEnded }
}

/**
 * Loads `rows` conversations, then measures the loaded page. Also hands back the conversations
 * received, for the baseline to render the same rows.
 */
export async function loadAndScroll(
  browser: Browser,
  url: string,
  rows: number,
): Promise<{ figures: LoadedInbox; conversations: Conversation[] }> {
  const { page, cdp, close } = await openPage(browser)
  try {
    const { traffic, loadMs, listEnded } = await loadRows(page, url, rows)
    const requests = traffic.requests
    const rowsAfterLoad = await page.evaluate(() => window.__bench.renderedRows())
    const measured = await measureLoadedPage(page, cdp)
    const { memory, maxRows } = measured
    const scroll = { ...measured.scroll, throttledBreakdown: (await tracedScroll(page, cdp)).breakdown }
    const figures: LoadedInbox = {
      rowsLoaded: traffic.conversations.size,
      itemsReceived: traffic.itemsReceived,
      total: traffic.total,
      listEnded,
      loadMs,
      pageSize: usualPageSize(traffic),
      requests,
      requestsPer1000Rows: requestsPer1000Rows(traffic),
      domRowsMax: Math.max(rowsAfterLoad, maxRows),
      memory,
      scroll,
    }
    return { figures, conversations: [...traffic.conversations.values()] }
  } finally {
    await close()
  }
}

/**
 * What the app and the plain-table baseline both measure of a loaded page: the heap after GC,
 * then steady scrolling from the top, unthrottled and under `CPU_THROTTLE`.
 */
export async function measureLoadedPage(
  page: Page,
  cdp: CDPSession,
): Promise<{ memory: Memory; scroll: Omit<LoadedPageScroll, 'throttledBreakdown'>; maxRows: number }> {
  const memory = await memoryAfterGc(cdp)
  const unthrottled = await scrollFromTop(page)
  await setCpuThrottling(cdp, CPU_THROTTLE)
  const throttled = await scrollFromTop(page)
  await setCpuThrottling(cdp, 1)
  return {
    memory,
    scroll: { unthrottled: scrollStats(unthrottled), throttled: scrollStats(throttled) },
    maxRows: Math.max(unthrottled.maxRows, throttled.maxRows),
  }
}

/**
 * A scroll run from the top under `throttling` with a timeline trace recording: per frame, where
 * the time went. Not the timed run: tracing costs time of its own.
 */
export async function tracedScroll(page: Page, cdp: CDPSession, throttling = CPU_THROTTLE): Promise<{ run: ScrollRun; breakdown: FrameBreakdown }> {
  await scrollToTop(page)
  await setCpuThrottling(cdp, throttling)
  try {
    const { result, events } = await traced(cdp, () => scrollDown(page))
    return { run: result, breakdown: frameBreakdown(events, result.frameTimes.length) }
  } finally {
    await setCpuThrottling(cdp, 1)
  }
}

/** Steady scrolling over `SCROLL.distancePx` from the top of the list. */
export async function scrollFromTop(page: Page): Promise<ScrollRun> {
  await scrollToTop(page)
  return scrollDown(page)
}

async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate((selector) => document.querySelector(selector)?.scrollTo(0, 0), SELECTORS.scroll)
  await page.waitForTimeout(300)
}

function scrollDown(page: Page): Promise<ScrollRun> {
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
      requestsPer1000Rows: requestsPer1000Rows(traffic),
    }
  } finally {
    await close()
  }
}
