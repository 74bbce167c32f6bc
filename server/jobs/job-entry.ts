import type { ReplayedJob } from './job-log.ts'
import { FINAL_STATES, type FailedItem, type ItemResult, type JobSpec, type JobState, type JobView, type SnapshotItem } from './model.ts'

/** A job in the runner's memory: what its file says, plus what only a running job has. */
export interface JobEntry {
  spec: JobSpec
  items: SnapshotItem[]
  snapshotDone: boolean
  gap: boolean
  outcomes: Map<string, { result: ItemResult; reason?: string }>
  requests: number
  state: JobState
  message?: string
  startedAt?: number
  finishedAt?: number
  /** Conversations settled by requests in this run, for the rate. */
  settled: { at: number; count: number }[]
  /** When this process started running it (the rate counts from there). */
  runStartedAt?: number
}

export const INTERRUPTED_MESSAGE = 'The server stopped while this job ran; resume it to carry on'

export function entryOf(job: ReplayedJob): JobEntry {
  const entry: JobEntry = {
    spec: job.spec,
    items: job.items,
    snapshotDone: job.snapshotDone,
    gap: job.gap,
    outcomes: job.outcomes,
    requests: job.requests,
    // A job whose file does not say it ended was cut short by a stop or a crash.
    state: job.state ?? 'interrupted',
    settled: [],
  }
  const message = job.state === undefined ? INTERRUPTED_MESSAGE : job.message
  if (message !== undefined) entry.message = message
  if (job.startedAt !== undefined) entry.startedAt = job.startedAt
  if (job.finishedAt !== undefined) entry.finishedAt = job.finishedAt
  return entry
}

export function newEntry(spec: JobSpec): JobEntry {
  return { spec, items: [], snapshotDone: false, gap: false, outcomes: new Map(), requests: 0, state: 'snapshotting', settled: [] }
}

export function isFinal(state: JobState): boolean {
  return FINAL_STATES.has(state)
}

export function pendingItems(entry: JobEntry): SnapshotItem[] {
  return entry.items.filter((item) => !entry.outcomes.has(item.id))
}

/** The failed conversations with their reasons, and their contact's name where the snapshot has it. */
export function failuresOf(entry: JobEntry): FailedItem[] {
  const failed = [...entry.outcomes].filter(([, outcome]) => outcome.result === 'failed')
  if (failed.length === 0) return []
  const names = new Map(entry.items.flatMap((item) => (item.name === undefined ? [] : [[item.id, item.name] as const])))
  return failed.map(([id, outcome]) => {
    const failure: FailedItem = { id, reason: outcome.reason ?? 'failed' }
    const name = names.get(id)
    if (name !== undefined) failure.name = name
    return failure
  })
}

const RATE_WINDOW_MS = 60_000

function rateOf(entry: JobEntry, now: number): number | null {
  if (entry.runStartedAt === undefined || entry.state !== 'running') return null
  const from = Math.max(now - RATE_WINDOW_MS, entry.runStartedAt)
  entry.settled = entry.settled.filter((mark) => mark.at >= now - RATE_WINDOW_MS)
  const elapsed = (now - from) / 1000
  if (elapsed < 1 || entry.settled.length === 0) return null
  return entry.settled.reduce((sum, mark) => sum + mark.count, 0) / elapsed
}

export function viewOf(entry: JobEntry, now: number, detail: boolean): JobView {
  const counts = { changed: 0, skipped: 0, failed: 0 }
  for (const outcome of entry.outcomes.values()) counts[outcome.result] += 1
  const { spec } = entry
  const total = entry.snapshotDone || spec.target.type === 'view' ? entry.items.length : spec.target.conversations.length
  const remaining = Math.max(0, total - entry.outcomes.size)
  const rate = rateOf(entry, now)
  const view: JobView = {
    id: spec.id,
    action: spec.action,
    target: spec.target.type === 'view' ? spec.target : { type: 'selection', count: spec.target.conversations.length },
    createdAt: spec.createdAt,
    state: entry.state,
    total,
    ...counts,
    remaining,
    requests: entry.requests,
    rate: rate === null ? null : Math.round(rate * 100) / 100,
    etaSeconds: rate === null || rate === 0 ? null : Math.ceil(remaining / rate),
  }
  if (spec.createdBy !== undefined) view.createdBy = spec.createdBy
  if (spec.retryOf !== undefined) view.retryOf = spec.retryOf
  if (entry.message !== undefined) view.message = entry.message
  if (entry.startedAt !== undefined) view.startedAt = entry.startedAt
  if (entry.finishedAt !== undefined) view.finishedAt = entry.finishedAt
  if (detail) view.failures = failuresOf(entry)
  return view
}
