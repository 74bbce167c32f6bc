import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../scripts/chromium'
import { SELECTORS, VIEWPORT } from './config'
import { installProbes } from './page-probes'

export interface BenchPage {
  page: Page
  cdp: CDPSession
  close(): Promise<void>
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions)
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in __name(): functions
 * serialised into the page need it defined there.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn'

/** A page in a context of its own (cold cache, like a first visit) with the probes installed. */
export async function openPage(browser: Browser): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript(KEEP_NAMES_SHIM)
  await context.addInitScript(installProbes, SELECTORS)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  return { page, cdp, close: () => context.close() }
}

export async function waitForFirstRow(page: Page, timeoutMs = 30_000): Promise<number> {
  await page.waitForFunction(() => window.__bench.firstRowAt !== null, null, { timeout: timeoutMs })
  return page.evaluate(() => window.__bench.firstRowAt ?? Number.NaN)
}

/** Frame times of an empty page: the machine's own noise, printed beside the figures. */
export async function idleFrameTimes(browser: Browser, frames = 120): Promise<number[]> {
  const { page, close } = await openPage(browser)
  try {
    await page.goto('data:text/html,<p>idle</p>')
    return await page.evaluate((count) => window.__bench.idleFrames(count), frames)
  } finally {
    await close()
  }
}

export interface Memory {
  heapBytes: number
  domNodes: number
}

/** JS heap and DOM nodes after a forced garbage collection, read through the DevTools protocol. */
export async function memoryAfterGc(cdp: CDPSession): Promise<Memory> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const domNodes = metrics.find((metric) => metric.name === 'Nodes')?.value ?? Number.NaN
  return { heapBytes: usedSize, domNodes }
}

export async function setCpuThrottling(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
}

/** Rejects when `promise` takes longer than `ms`: an in-page wait must never hang the run. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
