/**
 * The server's own figures, in process on a real socket against the emulator: a whole-view bulk
 * job under HighLevel's limit (its time against the floor the bulk share allows, and what a
 * reader waits meanwhile), and what idle tabs cost the location. See docs/performance.md.
 */
import { DEFAULT_VIEW } from '../src/api/schemas/search-view'
import { STATUSES } from '../src/api/schemas/enums'
import { toApiParams } from '../src/api/search-params'
import type { JobView } from '../server/jobs/model'
import type { Upstream } from '../server/proxy/forward'
import { appCall, emulatorUpstream, startWiredServer, type WiredServer } from '../server/test-support/wired-server'
import { percentile } from './stats'

/** HighLevel's limit, 100 requests per 10 s, run this many times faster (BENCH_TIME_SCALE; 1 is real time). */
export const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 10)
const LIMIT = 100
const WINDOW_MS = 10_000
const BULK_SHARE = 0.6
/** About 1,000 unread conversations with the emulator's test data. */
const BULK_CONVERSATIONS = 4_500
const UPSTREAM_LATENCY_MS = 20
/** How long the idle tabs poll, in real time (BENCH_IDLE_SECONDS). */
export const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 120)
export const TAB_COUNTS = [1, 10, 30] as const

export interface Latency {
  p50: number
  p95: number
  samples: number
}
export interface BulkFigures {
  conversations: number
  requests: number
  /** Both in real-time seconds (measured time times TIME_SCALE). */
  seconds: number
  floorSeconds: number
  readerIdle: Latency
  readerDuringJob: Latency
}
export interface IdleFigures {
  tabs: number
  upstreamPerMinute: number
  reader: Latency
}

/**
 * The least time `requests` calls can take within the bulk share: tokens come back a window after
 * each call, so `share * limit` go out per window, and the last window's go out at its start.
 */
export function bulkFloorSeconds(requests: number, budget: { limit: number; windowMs: number; share: number }): number {
  const perWindow = Math.max(1, Math.floor(budget.share * budget.limit))
  return (Math.ceil(requests / perWindow) - 1) * (budget.windowMs / 1000)
}

function latency(samples: number[]): Latency {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length }
}

/** Counts the calls that reach the emulator. */
function counting(upstream: Upstream): { upstream: Upstream; calls: () => number } {
  let calls = 0
  return { calls: () => calls, upstream: (request) => ((calls += 1), upstream(request)) }
}

let searches = 0
/** One reader's search, a new one each time (so no answer comes from the shared read's memory). */
async function timedSearch(server: WiredServer, tab: string): Promise<number> {
  const start = performance.now()
  const response = await fetch(`${server.origin}/api/conversations/search?query=reader${(searches += 1)}&limit=50`, appCall(server.origin, tab))
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`the reader's search answered ${response.status}`)
  return performance.now() - start
}

/** The first searches of a process pay for compiling the code paths; they are not what a reader waits. */
async function warmUp(server: WiredServer): Promise<void> {
  for (let run = 0; run < 5; run += 1) await timedSearch(server, 'tab-warm-up-00001')
}

async function readWhile(server: WiredServer, going: () => boolean, pauseMs: number): Promise<number[]> {
  const samples: number[] = []
  while (going()) {
    samples.push(await timedSearch(server, 'tab-reader-000001'))
    await new Promise((resolve) => setTimeout(resolve, pauseMs))
  }
  return samples
}

export async function benchBulk(): Promise<BulkFigures> {
  const rate = { limit: LIMIT, windowMs: WINDOW_MS / TIME_SCALE }
  const emulator = emulatorUpstream({ conversations: BULK_CONVERSATIONS, latencyMs: UPSTREAM_LATENCY_MS, rateLimit: { max: rate.limit, intervalMs: rate.windowMs } })
  const server = await startWiredServer({ ...emulator, rateLimit: rate, jobs: { maxShare: BULK_SHARE } })
  try {
    await warmUp(server)
    const idle: number[] = []
    for (let run = 0; run < 20; run += 1) idle.push(await timedSearch(server, 'tab-reader-000001'))
    const body = { action: { kind: 'markRead' }, target: { type: 'view', view: Object.fromEntries(toApiParams({ ...DEFAULT_VIEW, status: 'unread' })) } }
    const started = performance.now()
    const response = await fetch(`${server.origin}/_inbox/jobs`, appCall(server.origin, 'tab-bulk-0000001', 'POST', body))
    const { job } = (await response.json()) as { job: JobView }
    let running = true
    const during = readWhile(server, () => running, 100)
    await server.jobs.runner.idle()
    const seconds = ((performance.now() - started) / 1000) * TIME_SCALE
    running = false
    const done = server.jobs.runner.get(job.id)
    if (!done || done.state !== 'completed') throw new Error(`the bulk job ended ${done?.state}: ${done?.message}`)
    const floorSeconds = bulkFloorSeconds(done.requests, { limit: LIMIT, windowMs: WINDOW_MS, share: BULK_SHARE })
    return { conversations: done.total, requests: done.requests, seconds, floorSeconds, readerIdle: latency(idle), readerDuringJob: latency(await during) }
  } finally {
    await server.stop()
  }
}

const PAGE_1 = toApiParams(DEFAULT_VIEW).toString()
const COUNTS = STATUSES.map((status) => toApiParams({ ...DEFAULT_VIEW, status: status === 'all' ? undefined : status, limit: 1 }).toString())

/** `tabs` idle tabs as the app polls today (page 1 every 30 s, five counts every 60 s), each at its own phase. */
async function idleTabs(tabs: number): Promise<IdleFigures> {
  const emulator = emulatorUpstream({ conversations: 5_000, latencyMs: UPSTREAM_LATENCY_MS })
  const counted = counting(emulator.upstream)
  const server = await startWiredServer({ ...emulator, upstream: counted.upstream, rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } })
  const timers: ReturnType<typeof setTimeout>[] = []
  const poll = (tab: number, query: string) =>
    void fetch(`${server.origin}/api/conversations/search?${query}`, appCall(server.origin, `tab-idle-${String(tab).padStart(6, '0')}`)).then((answer) => answer.arrayBuffer())
  try {
    await warmUp(server)
    const warmUpCalls = counted.calls()
    for (let tab = 0; tab < tabs; tab += 1) {
      const phase = Math.floor((tab * 30_000) / tabs)
      timers.push(setTimeout(() => (poll(tab, PAGE_1), timers.push(setInterval(() => poll(tab, PAGE_1), 30_000))), phase))
      const counts = () => COUNTS.forEach((query) => poll(tab, query))
      timers.push(setTimeout(() => (counts(), timers.push(setInterval(counts, 60_000))), phase * 2))
    }
    const end = Date.now() + IDLE_SECONDS * 1000
    const reader = await readWhile(server, () => Date.now() < end, 2_000)
    const tabCalls = counted.calls() - warmUpCalls - reader.length
    return { tabs, upstreamPerMinute: tabCalls / (IDLE_SECONDS / 60), reader: latency(reader) }
  } finally {
    for (const timer of timers) clearTimeout(timer)
    await server.stop()
  }
}

/** Every tab count at once, each on its own server and emulator: the run takes IDLE_SECONDS, not three times it. */
export function benchIdleTabs(): Promise<IdleFigures[]> {
  return Promise.all(TAB_COUNTS.map(idleTabs))
}

const ms = (value: number): string => `${value.toFixed(0)} ms`

export function formatServerFigures(bulk: BulkFigures, idle: readonly IdleFigures[]): string {
  const lines = [
    `Server: bulk job (whole Unread view, limit ${LIMIT}/${WINDOW_MS / 1000} s, share ${BULK_SHARE}, time x${TIME_SCALE} compressed, figures in real-time seconds)`,
    `  ${bulk.conversations} conversations, ${bulk.requests} requests: ${bulk.seconds.toFixed(1)} s against a floor of ${bulk.floorSeconds} s (${((bulk.seconds / bulk.floorSeconds) * 100).toFixed(0)} %)`,
    `  reader's search idle p50 ${ms(bulk.readerIdle.p50)} p95 ${ms(bulk.readerIdle.p95)}; during the job p50 ${ms(bulk.readerDuringJob.p50)} p95 ${ms(bulk.readerDuringJob.p95)} (${bulk.readerDuringJob.samples} searches)`,
    `Server: idle tabs for ${IDLE_SECONDS} s (real time), upstream latency ${UPSTREAM_LATENCY_MS} ms`,
    ...idle.map((figures) =>
      `  ${String(figures.tabs).padStart(2)} tabs: ${figures.upstreamPerMinute.toFixed(1)} upstream requests/min; reader's search p50 ${ms(figures.reader.p50)} p95 ${ms(figures.reader.p95)}`),
  ]
  return lines.join('\n')
}
