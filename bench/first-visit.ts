/**
 * A first visit's milestones, ms from navigation start, in a fresh context (cold cache) each
 * time: first paint (FCP), the first data row on screen, and the first frame in which React owns
 * that row (it answers clicks). Run by `npm run bench`; alone with `npx tsx bench/first-visit.ts`
 * (after `npm run build`), which prints the same table.
 */
import type { Browser } from '@playwright/test'
import { pathToFileURL } from 'node:url'
import { startServer } from '../scripts/start-server'
import { launchBrowser, openPage, waitForFirstRow } from './browser'
import { FIRST_PORT, SERVER_ENV, SLOW_API_MS } from './config'
import { median } from './stats'

export const FIRST_VISIT_RUNS = 5
export const FIRST_VISIT_CONVERSATIONS = 10_000
export const FIRST_VISIT_LATENCIES = [0, SLOW_API_MS] as const

export interface FirstVisitMilestones {
  firstPaintMs: number
  firstRowMs: number
  interactiveMs: number
}

export interface FirstVisitFigures {
  latencyMs: number
  runs: FirstVisitMilestones[]
}

export async function timeFirstVisit(browser: Browser, url: string): Promise<FirstVisitMilestones> {
  const { page, close } = await openPage(browser)
  try {
    await page.goto(url)
    const firstRowMs = await waitForFirstRow(page)
    await page.waitForFunction(() => window.__bench.interactiveAt !== null, null, { timeout: 30_000 })
    const rest = await page.evaluate(async () => {
      // The paint entry is queued a moment after the frame it times.
      let paint = performance.getEntriesByName('first-contentful-paint')[0]
      for (let i = 0; !paint && i < 60; i++) {
        await new Promise((resolve) => requestAnimationFrame(resolve))
        paint = performance.getEntriesByName('first-contentful-paint')[0]
      }
      return { firstPaintMs: paint?.startTime ?? Number.NaN, interactiveMs: window.__bench.interactiveAt ?? Number.NaN }
    })
    return { firstRowMs, ...rest }
  } finally {
    await close()
  }
}

/** Every latency on a server of its own, `FIRST_VISIT_RUNS` visits each. */
export async function benchFirstVisits(browser: Browser, firstPort: number): Promise<FirstVisitFigures[]> {
  const figures: FirstVisitFigures[] = []
  let port = firstPort
  for (const latencyMs of FIRST_VISIT_LATENCIES) {
    const env = { ...SERVER_ENV, EMULATOR_CONVERSATIONS: String(FIRST_VISIT_CONVERSATIONS), EMULATOR_LATENCY_MS: String(latencyMs) }
    const server = await startServer(port++, env)
    try {
      const runs: FirstVisitMilestones[] = []
      for (let i = 0; i < FIRST_VISIT_RUNS; i++) runs.push(await timeFirstVisit(browser, server.url))
      figures.push({ latencyMs, runs })
    } finally {
      await server.stop()
    }
  }
  return figures
}

export function formatFirstVisits(figures: FirstVisitFigures[]): string {
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms`.padStart(8)
  const lines = [
    `First visit, ${FIRST_VISIT_CONVERSATIONS.toLocaleString('en')} conversations (median of ${FIRST_VISIT_RUNS}, ms from navigation start; target: first paint and first row ≤ 300 ms at API 0 ms)`,
    `  API latency   first paint   first row   interactive`,
  ]
  for (const { latencyMs, runs } of figures) {
    lines.push(
      `  ${`${latencyMs} ms`.padEnd(11)}   ${ms(runs.map((r) => r.firstPaintMs))}      ${ms(runs.map((r) => r.firstRowMs))}    ${ms(runs.map((r) => r.interactiveMs))}`,
    )
  }
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const browser = await launchBrowser()
  try {
    console.log(formatFirstVisits(await benchFirstVisits(browser, FIRST_PORT)))
  } finally {
    await browser.close()
  }
}
