/** The run's figures as plain-text tables for the terminal. */
import { WORK_KINDS, type WorkKind } from './frame-breakdown'
import { format, type BenchResult, type DatasetResult } from './results'
import { median, type FrameStats, type ScrollStats } from './stats'

const { ms, percent, kB, MB } = format
type Row = [label: string, ...cells: string[]]

function table(rows: readonly Row[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? []
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '))
    .join('\n')
}

const frames = (stats: FrameStats) => `${stats.p50Ms.toFixed(1)} / ${stats.p95Ms.toFixed(1)} / ${stats.maxMs.toFixed(0)}`
const medianOf = (runs: number[]) => `${ms(median(runs))} (${runs.length})`
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`
const count = (value: number) => Math.round(value).toLocaleString('en-US')
const ratio = (app: number, baseline: number) => `${(app / baseline).toPrecision(2)}x`

const scrollDistances = (runs: { unthrottled: ScrollStats; throttled: ScrollStats }[]) =>
  runs.map((run) => `${count(run.unthrottled.distancePx)} / ${count(run.throttled.distancePx)} px`)

function loadedRows(d: DatasetResult): string {
  const { rowsLoaded, total, listEnded } = d.loaded
  const of = total !== undefined && total > rowsLoaded ? ` of ${count(total)}` : ''
  return `${count(rowsLoaded)}${of}${listEnded && rowsLoaded < d.conversations ? ' (list ended)' : ''}`
}

/** Medians over the first visits on the fast API. */
function timeline(d: DatasetResult): string {
  const at = (pick: (visit: DatasetResult['firstVisits'][number]) => number) => median(d.firstVisits.map(pick)).toFixed(0)
  return `${at((v) => v.scriptsRunMs)} / ${at((v) => v.searchSentMs)} / ${at((v) => v.searchAnsweredMs)} ms`
}

function figureRows(result: BenchResult): Row[] {
  const { datasets: sets, baseline, slowApiMs } = result
  const each = (cell: (d: DatasetResult) => string) => sets.map(cell)
  const scroll = (which: 'unthrottled' | 'throttled', cell: (stats: FrameStats) => string): string[] => [
    ...each((d) => cell(d.loaded.scroll[which])),
    cell(baseline.scroll[which]),
  ]
  return [
    ['', ...each((d) => `${count(d.conversations)} rows`), `plain table, ${count(baseline.rows)}`],
    ['first row, API 0 ms (median of runs)', ...each((d) => medianOf(d.firstRowMs.fastApi)), '—'],
    ['… scripts run / search sent / answered', ...each(timeline), '—'],
    [`first row, API ${slowApiMs} ms`, ...each((d) => medianOf(d.firstRowMs.slowApi)), '—'],
    ['filter change → new rows, API 0 ms', ...each((d) => medianOf(d.filterChangeMs.fastApi)), '—'],
    [`filter change → new rows, API ${slowApiMs} ms`, ...each((d) => medianOf(d.filterChangeMs.slowApi)), '—'],
    ['rows loaded before measuring', ...each(loadedRows), count(baseline.rows)],
    ['… time to load them, page size', ...each((d) => `${(d.loaded.loadMs / 1000).toFixed(1)} s, ${d.loaded.pageSize}`), '—'],
    ['search requests per 1,000 rows, loading', ...each((d) => d.loaded.requestsPer1000Rows.toFixed(1)), '—'],
    [`… reading at 20 rows/s, API ${slowApiMs} ms`, ...each((d) => d.reading.requestsPer1000Rows.toFixed(1)), '—'],
    ['frames p50 / p95 / max ms, 1x CPU', ...scroll('unthrottled', frames)],
    ['frames missing a vsync, 1x CPU', ...scroll('unthrottled', (s) => percent(s.longFrameShare))],
    ['frames p50 / p95 / max ms, 4x CPU', ...scroll('throttled', frames)],
    ['frames missing a vsync, 4x CPU', ...scroll('throttled', (s) => percent(s.longFrameShare))],
    ...breakdownRows(sets),
    ['frames with a blank row, 1x / 4x CPU', ...[...sets.map((d) => d.loaded.scroll), baseline.scroll].map((s) => `${percent(s.unthrottled.blankShare)} / ${percent(s.throttled.blankShare)}`)],
    ['distance scrolled, 1x / 4x CPU', ...scrollDistances(sets.map((d) => d.loaded.scroll)), ...scrollDistances([baseline.scroll])],
    ['rows in the DOM (most)', ...each((d) => count(d.loaded.domRowsMax)), count(baseline.domRows)],
    ['DOM nodes', ...each((d) => count(d.loaded.memory.domNodes)), count(baseline.memory.domNodes)],
    ['JS heap after GC', ...each((d) => mb(d.loaded.memory.heapBytes)), mb(baseline.memory.heapBytes)],
    [`unloaded row seen, 20 rows/s, API ${slowApiMs} ms`, ...each((d) => percent(d.reading.unloadedShare)), '—'],
  ]
}

/** A traced 4x run's main-thread time per frame by kind of work (wall, and CPU), and the raster threads'. */
function breakdownRows(sets: readonly DatasetResult[]): Row[] {
  const cell = (d: DatasetResult, kind: WorkKind | 'raster') => {
    const breakdown = d.loaded.scroll.throttledBreakdown
    return kind === 'raster' ? `${breakdown.raster.toFixed(1)} ms` : `${breakdown[kind].toFixed(1)} ms (CPU ${breakdown.cpu[kind].toFixed(1)})`
  }
  return [...WORK_KINDS, 'raster' as const].map((kind): Row => [
    `… 4x, per frame (traced): ${kind === 'raster' ? 'raster, other threads' : kind}`,
    ...sets.map((d) => cell(d, kind)),
    '—',
  ])
}

function baselineRows(result: BenchResult): Row[] {
  const app = result.datasets.find((d) => d.conversations === result.baseline.rows) ?? result.datasets[0]
  if (!app) return []
  const { baseline } = result
  return [
    ['app ÷ plain table, same rows', `${count(baseline.rows)} rows`],
    ['p95 frame, 1x CPU', ratio(app.loaded.scroll.unthrottled.p95Ms, baseline.scroll.unthrottled.p95Ms)],
    ['p95 frame, 4x CPU', ratio(app.loaded.scroll.throttled.p95Ms, baseline.scroll.throttled.p95Ms)],
    ['frames missing a vsync, 4x CPU', ratio(app.loaded.scroll.throttled.longFrameShare, baseline.scroll.throttled.longFrameShare)],
    ['DOM nodes', ratio(app.loaded.memory.domNodes, baseline.memory.domNodes)],
    ['JS heap after GC', ratio(app.loaded.memory.heapBytes, baseline.memory.heapBytes)],
  ]
}

export function formatReport(result: BenchResult): string {
  const bundle = result.bundle
  const assets: Row[] = [
    ['first visit, gzip', 'files', 'size'],
    ['JavaScript', String(bundle.js.files.length), kB(bundle.js.gzipBytes)],
    ['CSS', String(bundle.css.files.length), kB(bundle.css.gzipBytes)],
  ]
  const targets: Row[] = [
    ['target', 'figure', ''],
    ...result.targets.map((check): Row => [check.target, check.figure, check.pass ? 'pass' : 'MISS']),
  ]
  const { cpus, loadAverage, idleFrames } = result.machine
  return [
    `npm run bench — ${result.startedAt}, commit ${result.commit}, ${result.durationS.toFixed(0)} s`,
    `machine: ${cpus} CPUs, load ${loadAverage.map((l) => l.toFixed(1)).join(' ')}; an empty page's frames: p95 ${idleFrames.p95Ms.toFixed(1)} ms, ${percent(idleFrames.longFrameShare)} missing a vsync`,
    '',
    table(figureRows(result)),
    '',
    table(baselineRows(result)),
    '',
    table(assets),
    '',
    table(targets),
  ].join('\n')
}
