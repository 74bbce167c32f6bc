/**
 * `npx tsx bench/profile-scroll.ts [rows] [--profile] [--json]`: the bench's scroll figures
 * alone, for iterating on frame times. Loads `rows` conversations (default 10,000) into the app
 * built in dist/ of the current directory (run `npm run build` first), then scrolls as
 * `npm run bench` does: timed at 1x and at `CPU_THROTTLE`, then traced at `CPU_THROTTLE` for the
 * per-frame breakdown.
 *
 * Run from another checkout (`cd /tmp/before && npx tsx /path/to/bench/profile-scroll.ts`) it
 * measures that checkout's build and server with these probes: before and after, alternately.
 *
 * It also prints the DOM's size: rows, elements per data row (the row and everything in it,
 * averaged), the page's DOM nodes and JS heap after a forced GC (`memoryAfterGc`).
 *
 * `--profile` builds the app unminified first (so names are readable) and also prints the
 * functions with the most self time under throttling; `npm run build` makes the real build again.
 */
import { build } from 'vite'
import type { CDPSession } from '@playwright/test'
import { startServer } from '../scripts/start-server'
import { launchBrowser, memoryAfterGc, openPage, setCpuThrottling } from './browser'
import { CPU_THROTTLE, FIRST_PORT, SELECTORS, SERVER_ENV } from './config'
import { formatBreakdown } from './frame-breakdown'
import { loadRows, scrollFromTop, tracedScroll } from './inbox-runs'
import { frameStats, scrollStats, type ScrollStats } from './stats'

const args = process.argv.slice(2)
const rows = Number(args.find((arg) => !arg.startsWith('--')) ?? 10_000)
const profiling = args.includes('--profile')
const SHOWN = 25

async function selfTimes(cdp: CDPSession, run: () => Promise<unknown>): Promise<string[]> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await run()
  const { profile } = await cdp.send('Profiler.stop')
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfMs = new Map<string, number>()
  const deltas = profile.timeDeltas ?? []
  for (const [index, id] of (profile.samples ?? []).entries()) {
    const frame = byNode.get(id)?.callFrame
    if (!frame) continue
    const file = frame.url.split('/').pop() ?? ''
    const key = `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}`
    selfMs.set(key, (selfMs.get(key) ?? 0) + (deltas[index + 1] ?? 0) / 1000)
  }
  const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0)
  return [...selfMs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SHOWN)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`)
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`
const frames = (stats: ScrollStats) =>
  `p50 ${stats.p50Ms.toFixed(1)}, p95 ${stats.p95Ms.toFixed(1)}, max ${stats.maxMs.toFixed(0)} ms, ${percent(stats.longFrameShare)} missing a vsync, ${percent(stats.blankShare)} with a blank row`

/** In the page: elements per row drawn with data (the row element included), averaged over those rows. */
function elementsPerDataRow(selectors: typeof SELECTORS): number {
  const rows = [...document.querySelectorAll(`${selectors.scroll} ${selectors.row}`)].filter(
    (row) => row.querySelector(selectors.columnHeader) === null && !row.matches(selectors.placeholder) && row.querySelector(`${selectors.cell}[aria-colspan]`) === null,
  )
  return rows.reduce((sum, row) => sum + 1 + row.querySelectorAll('*').length, 0) / Math.max(1, rows.length)
}

if (profiling) await build({ logLevel: 'warn', build: { minify: false } })
const server = await startServer(FIRST_PORT + 50, { ...SERVER_ENV, EMULATOR_CONVERSATIONS: String(rows) })
const browser = await launchBrowser()
try {
  const { page, cdp } = await openPage(browser)
  const { traffic } = await loadRows(page, server.url, rows)
  const unthrottled = scrollStats(await scrollFromTop(page))
  await setCpuThrottling(cdp, CPU_THROTTLE)
  const throttled = scrollStats(await scrollFromTop(page))
  await setCpuThrottling(cdp, 1)
  const { breakdown, run } = await tracedScroll(page, cdp)
  const tracedFrames = frameStats(run.frameTimes)
  const domRows = await page.evaluate(() => window.__bench.renderedRows())
  const elementsPerRow = await page.evaluate(elementsPerDataRow, SELECTORS)
  const memory = await memoryAfterGc(cdp)
  console.log(`${process.cwd()}: ${traffic.conversations.size} rows loaded, ${domRows} in the DOM`)
  console.log(`${elementsPerRow.toFixed(1)} elements per data row, ${memory.domNodes} DOM nodes, heap ${(memory.heapBytes / 1e6).toFixed(1)} MB`)
  console.log(`1x: ${frames(unthrottled)}`)
  console.log(`${CPU_THROTTLE}x: ${frames(throttled)}`)
  console.log(`${CPU_THROTTLE}x traced (p50 ${tracedFrames.p50Ms.toFixed(1)}, p95 ${tracedFrames.p95Ms.toFixed(1)} ms), per frame: ${formatBreakdown(breakdown)}`)
  if (args.includes('--json')) console.log(JSON.stringify({ dir: process.cwd(), rows: traffic.conversations.size, domRows, elementsPerRow, memory, unthrottled, throttled, breakdown }))
  if (profiling) {
    await setCpuThrottling(cdp, CPU_THROTTLE)
    console.log(`\nself time under ${CPU_THROTTLE}x:\n${(await selfTimes(cdp, () => scrollFromTop(page))).join('\n')}`)
  }
} finally {
  await browser.close()
  await server.stop()
}
