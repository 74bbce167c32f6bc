import type { FirstVisitFigures } from './first-visit'
import type { Baseline } from './baseline'
import type { FirstVisitBundle } from './bundle'
import { FRAME_MS } from './config'
import type { FirstVisitTimeline, LoadedInbox, Reading } from './inbox-runs'
import { median, type FrameStats } from './stats'

/** Everything one dataset size produced. Times in ms, one entry per run. */
export interface DatasetResult {
  conversations: number
  firstRowMs: { fastApi: number[]; slowApi: number[] }
  /** Each first visit on the fast API, to see where the time goes. */
  firstVisits: FirstVisitTimeline[]
  filterChangeMs: { fastApi: number[]; slowApi: number[] }
  loaded: LoadedInbox
  reading: Reading
}

/** What `bench/results/latest.json` holds. */
export interface BenchResult {
  startedAt: string
  durationS: number
  commit: string
  /** Load average when the run began; frame times of an empty page, as a noise floor. */
  machine: { cpus: number; loadAverage: number[]; idleFrames: FrameStats }
  slowApiMs: number
  datasets: DatasetResult[]
  baseline: Baseline
  bundle: FirstVisitBundle
  /** First paint, first row and interactive of a first visit, per API latency (bench/first-visit.ts). */
  firstVisit: FirstVisitFigures[]
  targets: TargetCheck[]
}

export interface TargetCheck {
  target: string
  figure: string
  pass: boolean
}

const MB = 1024 * 1024
/** rAF timestamps jitter by ±0.1 ms around the vsync: a frame budget is met within this. */
const VSYNC_JITTER_MS = 0.5

/** Kilobytes of 1,000 bytes, as `vite build` prints them. */
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`
const percent = (share: number) => `${(share * 100).toFixed(1)} %`

/**
 * Heap at the largest size. When loading stopped short of it, the heap is projected along the
 * line through the two sizes' figures, and the figure says so.
 */
function heapCheck(smallest: DatasetResult, largest: DatasetResult): TargetCheck {
  const rows = (d: DatasetResult) => d.loaded.rowsLoaded
  const heap = (d: DatasetResult) => d.loaded.memory.heapBytes
  const measured = `${(heap(largest) / MB).toFixed(1)} MB`
  const target = `JS heap < 100 MB at ${largest.conversations.toLocaleString('en-US')} rows`
  const missing = largest.conversations - rows(largest)
  if (missing <= largest.conversations * 0.05 || rows(largest) <= rows(smallest)) {
    return { target, figure: measured, pass: heap(largest) < 100 * MB }
  }
  const perRow = (heap(largest) - heap(smallest)) / (rows(largest) - rows(smallest))
  const projected = heap(largest) + missing * perRow
  return {
    target,
    figure: `${measured} at ${rows(largest).toLocaleString('en-US')}, ≈ ${(projected / MB).toFixed(0)} MB projected`,
    pass: projected < 100 * MB,
  }
}

/** The targets, judged on the run's figures. */
/** Issue 20's target: a first visit paints, and shows its first row, within 300 ms at 0 ms API latency. */
function firstVisitChecks(figures: readonly FirstVisitFigures[]): TargetCheck[] {
  const fast = figures.find((figure) => figure.latencyMs === 0)
  if (!fast) return []
  const paint = median(fast.runs.map((run) => run.firstPaintMs))
  const row = median(fast.runs.map((run) => run.firstRowMs))
  return [
    { target: 'first visit: first paint ≤ 300 ms at 0 ms API latency (median)', figure: ms(paint), pass: paint <= 300 },
    { target: 'first visit: first row ≤ 300 ms at 0 ms API latency (median)', figure: ms(row), pass: row <= 300 },
  ]
}

export function checkTargets(result: Omit<BenchResult, 'targets'>): TargetCheck[] {
  const largest = result.datasets.at(-1)
  const smallest = result.datasets[0]
  if (!largest || !smallest) return []
  const size = largest.conversations.toLocaleString('en-US')
  const checks: TargetCheck[] = [
    {
      target: `p95 frame ≤ ${ms(FRAME_MS)} at ${size} rows, unthrottled`,
      figure: ms(largest.loaded.scroll.unthrottled.p95Ms),
      pass: largest.loaded.scroll.unthrottled.p95Ms <= FRAME_MS + VSYNC_JITTER_MS,
    },
    {
      target: `p95 frame ≤ ${ms(2 * FRAME_MS)} at ${size} rows, 4x CPU throttling`,
      figure: ms(largest.loaded.scroll.throttled.p95Ms),
      pass: largest.loaded.scroll.throttled.p95Ms <= 2 * FRAME_MS + VSYNC_JITTER_MS,
    },
    {
      target: 'DOM rows independent of rows loaded (±10 %)',
      figure: result.datasets.map((d) => `${d.loaded.domRowsMax} of ${d.loaded.rowsLoaded}`).join(', '),
      pass: result.datasets.every(
        (d) => d.loaded.domRowsMax <= smallest.loaded.domRowsMax * 1.1 && d.loaded.domRowsMax < d.loaded.rowsLoaded / 10,
      ),
    },
    heapCheck(smallest, largest),
    ...firstVisitChecks(result.firstVisit),
    {
      target: 'first row < 300 ms at 0 ms API latency (median)',
      figure: result.datasets.map((d) => ms(median(d.firstRowMs.fastApi))).join(', '),
      pass: result.datasets.every((d) => median(d.firstRowMs.fastApi) < 300),
    },
    {
      target: '≤ 150 kB gzip of JavaScript on first load',
      figure: kB(result.bundle.js.gzipBytes),
      pass: result.bundle.js.gzipBytes <= 150 * 1000,
    },
    {
      target: `no unloaded row seen at 20 rows/s, ${result.slowApiMs} ms API latency`,
      figure: result.datasets.map((d) => percent(d.reading.unloadedShare)).join(', '),
      pass: result.datasets.every((d) => d.reading.unloadedShare === 0),
    },
  ]
  return checks
}

export const format = { ms, percent, kB, MB }
