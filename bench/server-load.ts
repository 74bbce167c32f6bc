/**
 * The server's own figures, in process on a real socket against the emulator: a whole-view bulk
 * job under HighLevel's limit (its time against the floor the bulk share allows, and what a
 * reader waits meanwhile), and what idle tabs cost the location. See docs/performance.md.
 */
import { countedView } from '../src/api/count-conversations'
import { countViewKey, headViewKey } from '../src/api/live-cache'
import { DEFAULT_VIEW, type SearchView } from '../src/api/schemas/search-view'
import { STATUSES } from '../src/api/schemas/enums'
import { HEAD_POLL_MS } from '../src/api/search-conversations'
import { toApiParams } from '../src/api/search-params'
import { LIVE_POLL_FACTOR } from '../src/lib/live-status'
import { MAX_WATCHED_PER_CLIENT, type PresenceHeartbeat } from '../src/lib/push-events'
import { withStatus } from '../src/view/status'
import type { JobView } from '../server/jobs/model'
import type { Upstream } from '../server/proxy/forward'
import { appCall, emulatorUpstream, startWiredServer, type WiredServer } from '../server/test-support/wired-server'
import { percentile } from './stats'

/** HighLevel's limit, 100 requests per 10 s, run this many times faster (BENCH_TIME_SCALE; 1 is real time). */
export const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 10)
const LIMIT = 100
const WINDOW_MS = 10_000
const BULK_SHARE = 0.6
/** The emulator's data has about one conversation in four unread: this many give over 5,000 unread. */
const BULK_CONVERSATIONS = 23_000
/** The least the bulk job must change (issue 16: the emulator serves a bulk over 5,000 at scale). */
export const BULK_AT_LEAST = 5_000
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
  /** 429 answers the emulator gave: the pacer kept the job inside the limit when 0. */
  rateLimited: number
  readerIdle: Latency
  readerDuringJob: Latency
}
export interface IdleFigures {
  tabs: number
  /** Upstream requests while the tabs opened (page 1, counts, users, the watcher's first reads). */
  openingRequests: number
  /** Upstream requests a minute while the tabs sat idle. */
  upstreamPerMinute: number
  /** What the tabs sent the server a minute meanwhile: searches (page 1, counts) and heartbeats. */
  pollsPerMinute: number
  heartbeatsPerMinute: number
  /** The distinct views the server's watcher refreshed for them. */
  watchedViews: number
  /** The reader's searches after the idle period, the tabs still open. */
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

/** Counts the calls that reach the emulator, and its 429 answers. */
function counting(upstream: Upstream): { upstream: Upstream; calls: () => number; rateLimited: () => number } {
  let calls = 0
  let rateLimited = 0
  return {
    calls: () => calls,
    rateLimited: () => rateLimited,
    upstream: async (request) => {
      calls += 1
      const response = await upstream(request)
      if (response.status === 429) rateLimited += 1
      return response
    },
  }
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
  const counted = counting(emulator.upstream)
  const server = await startWiredServer({ ...emulator, upstream: counted.upstream, rateLimit: rate, jobs: { maxShare: BULK_SHARE } })
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
    if (done.total < BULK_AT_LEAST) throw new Error(`the bulk job covered ${done.total} conversations, not ${BULK_AT_LEAST}: raise BULK_CONVERSATIONS`)
    if (counted.rateLimited() > 0) throw new Error(`the emulator answered 429 ${counted.rateLimited()} times during the bulk job: the pacer let it exceed ${LIMIT}/${WINDOW_MS / 1000} s`)
    const floorSeconds = bulkFloorSeconds(done.requests, { limit: LIMIT, windowMs: WINDOW_MS, share: BULK_SHARE })
    return {
      conversations: done.total,
      requests: done.requests,
      seconds,
      floorSeconds,
      rateLimited: counted.rateLimited(),
      readerIdle: latency(idle),
      readerDuringJob: latency(await during),
    }
  } finally {
    await server.stop()
  }
}

/** The view an idle tab shows: the inbox as it opens. */
const TAB_VIEW = DEFAULT_VIEW
/** What an open tab asks for the list (page 1) and the status counts, as the app sends them. */
const PAGE_1 = toApiParams(TAB_VIEW).toString()
const COUNTS = STATUSES.map((status) => toApiParams(countedView(withStatus(TAB_VIEW, status))).toString())
/** How often the app polls while its push channel is live (`pollInterval`): page 1, then counts. */
export const LIVE_POLL_MS = { page1: HEAD_POLL_MS * LIVE_POLL_FACTOR, counts: 60_000 * LIVE_POLL_FACTOR }
/** The app's presence heartbeat: at once, then every 10 s (src/lib/push-presence.ts). */
const HEARTBEAT_MS = 10_000
/** The tabs open one after the other over this long before the idle figures start. */
const OPENING_MS = 5_000
/** How long the reader reads after the idle period, in real time (BENCH_READ_SECONDS). */
export const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 20)

/** What a tab on `TAB_VIEW` watches, as the app's `watchedViews` computes it: page 1 and each count. */
export function watchedKeys(view: SearchView = TAB_VIEW): string[] {
  const keys = new Set([headViewKey(view), ...STATUSES.map((status) => countViewKey(withStatus(view, status)))])
  return [...keys].slice(0, MAX_WATCHED_PER_CLIENT)
}

/** The heartbeat simulated tab `tab` posts: the body the app sends for a tab on the list, in a browser of its own. */
export function heartbeatBody(tab: number): PresenceHeartbeat {
  const id = String(tab).padStart(6, '0')
  return { clientId: `tab-idle-${id}`, browserId: `browser-idle-${id}`, watching: watchedKeys() }
}

/**
 * When tab `tab` of `tabs` next polls, in ms from the start of the idle period, and then how
 * often: the live-mode intervals, the tabs' phases spread evenly over them (tabs opened at
 * different times; each at the middle of its share, so one tab is not made to poll at once), as
 * the app's `refetchInterval` runs them.
 */
export function livePollPlan(tab: number, tabs: number): { page1: { firstMs: number; everyMs: number }; counts: { firstMs: number; everyMs: number } } {
  return {
    page1: { firstMs: Math.floor(((tab + 0.5) * LIVE_POLL_MS.page1) / tabs), everyMs: LIVE_POLL_MS.page1 },
    counts: { firstMs: Math.floor(((tab + 0.5) * LIVE_POLL_MS.counts) / tabs), everyMs: LIVE_POLL_MS.counts },
  }
}

/** The upstream requests a minute that `tabs` tabs cost, over what one tab costs (NaN when either is missing). */
export function costRatio(idle: readonly IdleFigures[], tabs: number): number {
  const one = idle.find((figures) => figures.tabs === 1)?.upstreamPerMinute
  const many = idle.find((figures) => figures.tabs === tabs)?.upstreamPerMinute
  return one === undefined || many === undefined || one === 0 ? Number.NaN : many / one
}

/** One open `/_inbox/events` stream, as a browser's leading tab holds it; read and dropped until `close`. */
async function openStream(server: WiredServer): Promise<() => void> {
  const abort = new AbortController()
  // What an EventSource of the inbox's own page sends instead of the marker header.
  const headers = { accept: 'text/event-stream', 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'empty' }
  const response = await fetch(`${server.origin}/_inbox/events`, { headers, signal: abort.signal })
  if (!response.ok || !response.body) throw new Error(`the push channel answered ${response.status}`)
  const reader = response.body.getReader()
  void (async () => {
    for (;;) if ((await reader.read()).done) return
  })().catch(() => {})
  return () => abort.abort()
}

/** What the simulated tabs sent the server: their polls of page 1 and counts, and their heartbeats. */
interface TabTraffic {
  polls: number
  heartbeats: number
}

/**
 * One inbox tab left open on the list with its push channel live, as the app runs it: on opening
 * it loads page 1, the five counts and the users; it beats presence with `watching` at once and
 * every 10 s; it polls page 1 and the counts at the live-mode intervals (see `livePollPlan`); its
 * browser holds one events stream. `startIdle` arms the polls; `stop` closes it.
 */
async function openTab(server: WiredServer, tab: number, traffic: TabTraffic) {
  const body = heartbeatBody(tab)
  const call = (query: string) => {
    traffic.polls += 1
    return fetch(`${server.origin}/api/conversations/search?${query}`, appCall(server.origin, body.clientId)).then((answer) => answer.arrayBuffer())
  }
  const beat = async () => {
    traffic.heartbeats += 1
    const answer = await fetch(`${server.origin}/_inbox/presence`, appCall(server.origin, body.clientId, 'POST', body))
    await answer.arrayBuffer()
    if (!answer.ok) throw new Error(`a heartbeat answered ${answer.status}`)
  }
  const closeStream = await openStream(server)
  const timers: ReturnType<typeof setTimeout>[] = []
  const every = (firstMs: number, everyMs: number, run: () => unknown) =>
    timers.push(setTimeout(() => (run(), timers.push(setInterval(run, everyMs))), firstMs))
  await Promise.all([
    call(PAGE_1),
    ...COUNTS.map(call),
    fetch(`${server.origin}/api/users/`, appCall(server.origin, body.clientId)).then((answer) => answer.arrayBuffer()),
    beat(),
  ])
  every(HEARTBEAT_MS, HEARTBEAT_MS, () => void beat().catch(() => {}))
  return {
    startIdle(tabs: number) {
      const plan = livePollPlan(tab, tabs)
      every(plan.page1.firstMs, plan.page1.everyMs, () => void call(PAGE_1).catch(() => {}))
      every(plan.counts.firstMs, plan.counts.everyMs, () => COUNTS.forEach((query) => void call(query).catch(() => {})))
    },
    stop() {
      for (const timer of timers) clearTimeout(timer)
      closeStream()
    },
  }
}

/** The pages a reader goes through, each view's first three pages: the inbox, then filtered views. */
const READER_VIEWS: SearchView[] = [
  DEFAULT_VIEW,
  { ...DEFAULT_VIEW, status: 'unread' },
  { ...DEFAULT_VIEW, lastMessageDirection: 'inbound', lastMessageType: 'TYPE_EMAIL' },
  { ...DEFAULT_VIEW, status: 'starred' },
]
const READER_PAGES = 3
const READER_PAUSE_MS = 250

/** A reader in one more tab, for `seconds`: each view's page 1, then paging down, a search for every page. */
async function readViews(server: WiredServer, seconds: number): Promise<number[]> {
  const samples: number[] = []
  const end = Date.now() + seconds * 1000
  for (let round = 0; Date.now() < end; round += 1) {
    const view = READER_VIEWS[round % READER_VIEWS.length] ?? DEFAULT_VIEW
    let cursor: number[] | null = null
    for (let page = 0; page < READER_PAGES && Date.now() < end; page += 1) {
      const start = performance.now()
      const response = await fetch(`${server.origin}/api/conversations/search?${toApiParams(view, cursor)}`, appCall(server.origin, 'tab-reader-000001'))
      if (!response.ok) throw new Error(`the reader's search answered ${response.status}`)
      const answer = (await response.json()) as { conversations?: { sort?: number[] | null }[] }
      samples.push(performance.now() - start)
      cursor = answer.conversations?.at(-1)?.sort ?? null
      if (!cursor) break
      await new Promise((resolve) => setTimeout(resolve, READER_PAUSE_MS))
    }
  }
  return samples
}

/**
 * `tabs` idle tabs for IDLE_SECONDS, as the app runs them with the push channel up, then a reader
 * for READ_SECONDS while they stay open. Upstream requests are counted where they reach the
 * emulator: the tabs' polls that the shared read could not answer, and the view watcher's refresh.
 */
async function idleTabs(tabs: number): Promise<IdleFigures> {
  const emulator = emulatorUpstream({ conversations: 5_000, latencyMs: UPSTREAM_LATENCY_MS })
  const counted = counting(emulator.upstream)
  const server = await startWiredServer({ ...emulator, upstream: counted.upstream, rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } })
  const open: Awaited<ReturnType<typeof openTab>>[] = []
  const traffic: TabTraffic = { polls: 0, heartbeats: 0 }
  try {
    await warmUp(server)
    const beforeOpening = counted.calls()
    for (let tab = 0; tab < tabs; tab += 1) {
      open.push(await openTab(server, tab, traffic))
      await new Promise((resolve) => setTimeout(resolve, OPENING_MS / tabs))
    }
    const opening = counted.calls() - beforeOpening
    const watched = server.inbox.watcher.views.length
    if (watched !== watchedKeys().length) throw new Error(`the server watches ${watched} views for the tabs, not ${watchedKeys().length}`)
    const before = { calls: counted.calls(), ...traffic }
    for (const tab of open) tab.startIdle(tabs)
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000))
    const minutes = IDLE_SECONDS / 60
    const idleCalls = counted.calls() - before.calls
    const sent = { polls: traffic.polls - before.polls, heartbeats: traffic.heartbeats - before.heartbeats }
    const reader = await readViews(server, READ_SECONDS)
    return {
      tabs,
      openingRequests: opening,
      upstreamPerMinute: idleCalls / minutes,
      pollsPerMinute: sent.polls / minutes,
      heartbeatsPerMinute: sent.heartbeats / minutes,
      watchedViews: watched,
      reader: latency(reader),
    }
  } finally {
    for (const tab of open) tab.stop()
    await server.stop()
  }
}

/** Every tab count at once, each on its own server and emulator: the run takes the idle and reading time once, not three times. */
export function benchIdleTabs(): Promise<IdleFigures[]> {
  return Promise.all(TAB_COUNTS.map(idleTabs))
}

const ms = (value: number): string => `${value.toFixed(0)} ms`

const perMinute = (value: number): string => value.toFixed(1)

export function formatServerFigures(bulk: BulkFigures, idle: readonly IdleFigures[]): string {
  const realWindow = WINDOW_MS / 1000
  const lines = [
    `Server: bulk job (whole Unread view, emulator and pacer at HighLevel's ${LIMIT}/${realWindow} s, share ${BULK_SHARE}; time compressed x${TIME_SCALE}: ${LIMIT} per ${realWindow / TIME_SCALE} s, figures in real-time seconds)`,
    `  ${bulk.conversations} conversations, ${bulk.requests} requests: ${bulk.seconds.toFixed(1)} s against a floor of ${bulk.floorSeconds} s (${((bulk.seconds / bulk.floorSeconds) * 100).toFixed(0)} %); the emulator answered 429 ${bulk.rateLimited} times`,
    `  reader's search idle p50 ${ms(bulk.readerIdle.p50)} p95 ${ms(bulk.readerIdle.p95)}; during the job p50 ${ms(bulk.readerDuringJob.p50)} p95 ${ms(bulk.readerDuringJob.p95)} (${bulk.readerDuringJob.samples} searches)`,
    `Server: idle tabs, push channel up (heartbeats with watching every ${HEARTBEAT_MS / 1000} s, page 1 polled every ${LIVE_POLL_MS.page1 / 1000} s, counts every ${LIVE_POLL_MS.counts / 1000} s, one events stream each), ${IDLE_SECONDS} s idle then ${READ_SECONDS} s reading (real time), upstream latency ${UPSTREAM_LATENCY_MS} ms`,
    ...idle.map((figures) =>
      [
        `  ${String(figures.tabs).padStart(2)} tabs: idle ${perMinute(figures.upstreamPerMinute)} upstream requests/min`,
        `(tabs sent ${perMinute(figures.pollsPerMinute)} searches and ${perMinute(figures.heartbeatsPerMinute)} heartbeats/min; ${figures.watchedViews} views watched; opening cost ${figures.openingRequests});`,
        `reading: search p50 ${ms(figures.reader.p50)} p95 ${ms(figures.reader.p95)} (${figures.reader.samples} searches)`,
      ].join(' ')),
    ...idle
      .filter((figures) => figures.tabs !== 1)
      .map((figures) => `  ${figures.tabs} idle tabs cost ${costRatio(idle, figures.tabs).toFixed(2)}x what one tab costs${figures.tabs === 10 ? ' (issue 19: at most 3x)' : ''}`),
  ]
  return lines.join('\n')
}
