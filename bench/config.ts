/**
 * What `npm run bench` measures and how hard: every knob in one place. The run is sized to
 * finish in about five minutes on a laptop.
 */
import type { SearchView } from '../src/api/schemas/search-view'

export const DATASET_SIZES = [10_000, 50_000] as const
export const BASELINE_ROWS = 10_000
export const SLOW_API_MS = 300

/** Fixed data, so two runs measure the same rows. */
export const SERVER_ENV = {
  EMULATOR_SEED: '8',
  EMULATOR_NOW: '2026-11-02T15:00:00.000Z',
  // The proxy's pacing protects a real account's rate budget; here it would make loading
  // 50,000 rows take minutes.
  PROXY_RATE_LIMIT: 'off',
}
/** The first of the ports the bench's servers listen on (`BENCH_FIRST_PORT`), one more per server. */
export const FIRST_PORT = Number(process.env.BENCH_FIRST_PORT ?? 4310)

export const VIEWPORT = { width: 1280, height: 800 }
export const FIRST_ROW_RUNS = { fastApi: 5, slowApi: 3 }
export const FILTER_RUNS = 3
/** The filter the "filter change" figure applies: the status radio with this name. */
export const FILTER = { label: 'Unread', params: { status: 'unread' } satisfies Partial<SearchView> }

/**
 * Steady scrolling for frame times: a fixed distance at a fixed step per frame (300 frames, 5 s
 * at 60 Hz). A machine too busy to finish within `maxMs` stops early; the distance is reported.
 */
export const SCROLL = { distancePx: 12_000, pxPerFrame: 40, maxMs: 10_000 }
export const CPU_THROTTLE = 4
/** The reader who must never see an unloaded row. */
export const READER = { rowsPerSecond: 20, durationMs: 10_000 }
/**
 * Loading the rows before measuring: the page size asked for in the URL (the app may ignore it;
 * the size it really used is reported), when to take the app's silence for the end of the list,
 * and when to give up and measure what was loaded.
 */
export const LOAD = { pageSize: 100, endAfterIdleMs: 3_000, timeoutMs: 120_000 }

/** 60 Hz. */
export const FRAME_MS = 1000 / 60

/**
 * What the bench expects of the app's DOM. Placeholder rows ("Loading more…") must carry
 * `data-placeholder="true"` (or `aria-busy="true"`); a row whose cell spans columns
 * (`aria-colspan`) is also taken for one.
 */
export const SELECTORS = {
  scroll: '[data-testid="inbox-scroll"]',
  row: '[role="row"]',
  cell: '[role="gridcell"]',
  columnHeader: '[role="columnheader"]',
  placeholder: '[data-placeholder="true"], [aria-busy="true"]',
}
export type Selectors = typeof SELECTORS
