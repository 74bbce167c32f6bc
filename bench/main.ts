/**
 * `npm run bench`: the figures that say whether the inbox is fast, measured in a real Chromium
 * against the built app and the emulator. Prints a table; writes bench/results/latest.json
 * (and prints it too with `--json`). See docs/performance.md.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import type { Browser } from '@playwright/test'
import { searchResponseSchema } from '../src/api/schemas/conversation'
import { DEFAULT_VIEW } from '../src/api/schemas/search-view'
import { toApiParams } from '../src/api/search-params'
import { startServer, type RunningServer } from '../scripts/start-server'
import { measureBaseline, type Baseline } from './baseline'
import { idleFrameTimes, launchBrowser } from './browser'
import { firstVisitBundle, type FirstVisitBundle } from './bundle'
import { BASELINE_ROWS, DATASET_SIZES, FILTER, FILTER_RUNS, FIRST_PORT, FIRST_ROW_RUNS, SERVER_ENV, SLOW_API_MS } from './config'
import { loadAndScroll, readSteadily, timeFilterChange, timeFirstRow, type FirstVisitTimeline } from './inbox-runs'
import { benchLivePropagation, formatLivePropagation } from './live-propagation'
import { benchFirstVisits, FIRST_VISIT_LATENCIES, formatFirstVisits, type FirstVisitFigures } from './first-visit'
import { formatReport } from './report'
import { benchBulk, benchIdleTabs, formatServerFigures, IDLE_SECONDS, TAB_COUNTS } from './server-load'
import { checkTargets, type BenchResult, type DatasetResult } from './results'
import { frameStats, type FrameStats } from './stats'

const OUTPUT = 'bench/results/latest.json'
let nextPort = FIRST_PORT
const started = Date.now()

function log(message: string): void {
  console.error(`bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s: ${message}`)
}

async function withServer<T>(conversations: number, latencyMs: number, run: (url: string) => Promise<T>): Promise<T> {
  const env = { ...SERVER_ENV, EMULATOR_CONVERSATIONS: String(conversations), EMULATOR_LATENCY_MS: String(latencyMs) }
  const server: RunningServer = await startServer(nextPort++, env)
  try {
    return await run(server.url)
  } finally {
    await server.stop()
  }
}

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'unknown (not a git checkout)'
  }
}

async function repeat(times: number, run: () => Promise<number>): Promise<number[]> {
  const results: number[] = []
  for (let i = 0; i < times; i++) results.push(await run())
  return results
}

/** How many conversations the filter should show, asked of the API directly. */
async function filteredTotal(url: string): Promise<number> {
  const params = toApiParams({ ...DEFAULT_VIEW, ...FILTER.params, limit: 1 })
  // The app's marker header: the server serves `/api` to the app's own calls only.
  const response = await fetch(`${url}/api/conversations/search?${params}`, { headers: { 'X-HighLevel-Inbox': '1' } })
  return searchResponseSchema.parse(await response.json()).total
}

interface FastApiFigures {
  visits: FirstVisitTimeline[]
  filterChangeMs: number[]
  loaded: DatasetResult['loaded']
  assets: string[]
  baseline?: Baseline
}

async function onFastApi(browser: Browser, conversations: number, url: string): Promise<FastApiFigures> {
  log(`${conversations} conversations, API 0 ms: first row, filter change`)
  const visits = []
  for (let i = 0; i < FIRST_ROW_RUNS.fastApi; i++) visits.push(await timeFirstRow(browser, url))
  const expected = await filteredTotal(url)
  const filterChangeMs = await repeat(FILTER_RUNS, () => timeFilterChange(browser, url, expected))
  log(`${conversations} conversations: loading them all, then scrolling`)
  const { figures: loaded, conversations: received } = await loadAndScroll(browser, url, conversations)
  let baseline: Baseline | undefined
  if (conversations === BASELINE_ROWS) {
    log(`the same rows as a plain table`)
    baseline = await measureBaseline(browser, received.slice(0, BASELINE_ROWS))
  }
  const timelines = visits.map(({ assets: _assets, ...timeline }) => timeline)
  return { visits: timelines, filterChangeMs, loaded, assets: visits[0]?.assets ?? [], baseline }
}

async function onSlowApi(browser: Browser, conversations: number, url: string) {
  log(`${conversations} conversations, API ${SLOW_API_MS} ms: first row, filter change, steady reading`)
  const firstRowMs = await repeat(FIRST_ROW_RUNS.slowApi, async () => (await timeFirstRow(browser, url)).firstRowMs)
  const expected = await filteredTotal(url)
  const filterChangeMs = await repeat(FILTER_RUNS, () => timeFilterChange(browser, url, expected))
  const reading = await readSteadily(browser, url)
  return { firstRowMs, filterChangeMs, reading }
}

async function main(): Promise<void> {
  const loadAverage = loadavg()
  const browser = await launchBrowser()
  const datasets: DatasetResult[] = []
  let baseline: Baseline | undefined
  let bundle: FirstVisitBundle | undefined
  let idleFrames: FrameStats | undefined
  let firstVisit: FirstVisitFigures[] = []
  try {
    idleFrames = frameStats(await idleFrameTimes(browser))
    log(`first visits: first paint, first row, interactive at API ${FIRST_VISIT_LATENCIES.join(' and ')} ms`)
    firstVisit = await benchFirstVisits(browser, nextPort)
    nextPort += FIRST_VISIT_LATENCIES.length
    for (const conversations of DATASET_SIZES) {
      const fast = await withServer(conversations, 0, (url) => onFastApi(browser, conversations, url))
      const slow = await withServer(conversations, SLOW_API_MS, (url) => onSlowApi(browser, conversations, url))
      baseline ??= fast.baseline
      bundle ??= await firstVisitBundle(fast.assets)
      datasets.push({
        conversations,
        firstRowMs: { fastApi: fast.visits.map((visit) => visit.firstRowMs), slowApi: slow.firstRowMs },
        firstVisits: fast.visits,
        filterChangeMs: { fastApi: fast.filterChangeMs, slowApi: slow.filterChangeMs },
        loaded: fast.loaded,
        reading: slow.reading,
      })
    }
  } finally {
    await browser.close()
  }
  if (!baseline || !bundle || !idleFrames) throw new Error('The run measured no baseline or no bundle')

  const partial = {
    startedAt: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    commit: currentCommit(),
    machine: { cpus: cpus().length, loadAverage, idleFrames },
    slowApiMs: SLOW_API_MS,
    datasets,
    baseline,
    bundle,
    firstVisit,
  }
  const result: BenchResult = { ...partial, targets: checkTargets(partial) }
  await mkdir('bench/results', { recursive: true })
  await writeFile(OUTPUT, `${JSON.stringify(result, null, 2)}\n`)
  console.log(formatReport(result))
  console.log(`\n${formatFirstVisits(firstVisit)}`)
  console.log(`\nwrote ${OUTPUT}`)
  log(`the server alone: a bulk job of a whole view, then ${TAB_COUNTS.join(', ')} idle tabs for ${IDLE_SECONDS} s`)
  const bulk = await benchBulk()
  console.log(`\n${formatServerFigures(bulk, await benchIdleTabs())}`)
  log('live updates: a change in one tab until another browser draws it')
  console.log(`\n${formatLivePropagation(await benchLivePropagation(nextPort++))}`)
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2))
}

await main()
