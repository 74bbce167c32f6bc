import { budgetVerdict, type BudgetSettings, type DailyFigure } from './estimate.ts'
import { callUpstream, type CallContext, type CallResult } from './call-upstream.ts'
import type { Claims } from './claims.ts'
import { INTERRUPTED_MESSAGE, pendingItems, type JobEntry } from './job-entry.ts'
import type { LogEntry } from './job-log.ts'
import type { JobStore } from './job-store.ts'
import type { ItemResult, SnapshotItem } from './model.ts'
import { ID_PATTERN, planTasks, writesNeeded, type Task } from './plan.ts'
import { contactNameOf, parseSearchAnswer, snapshotView } from './snapshot.ts'
import type { UpstreamCall } from './upstream.ts'

/** What one run of a job needs from its runner. */
export interface RunDeps {
  store: JobStore
  claims: Claims
  locationId: string
  concurrency: number
  budget: BudgetSettings
  daily: () => DailyFigure
  /** The call context without the job's own signals. */
  call: Omit<CallContext, 'cancel' | 'client'>
  /** Resolves when the given running job ends (at once if it is not running). */
  ended: (jobId: string) => Promise<void>
  changed: (entry: JobEntry) => void
  now: () => number
  log: (line: string) => void
}

/** Ends the job with a reason: a 401, a missing scope, a view that cannot be read. */
class StopJob extends Error {
  override name = 'StopJob'
}

const GAP_MESSAGE = 'Some conversations of the view could not be listed: over 100 share one date to the millisecond'

/** Resolves on the first of `promises`, rejects when `signal` aborts. */
function untilAny(promises: readonly Promise<void>[], signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    void Promise.race(promises).then(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    })
  })
}

async function runPool<T>(tasks: readonly T[], concurrency: number, stopped: () => boolean, worker: (task: T) => Promise<void>) {
  let next = 0
  const lane = async (): Promise<void> => {
    while (!stopped() && next < tasks.length) {
      const task = tasks[next++]
      if (task !== undefined) await worker(task)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, lane))
}

/** The conversation's contact, its name and assignee, from `GET /conversations/{id}`. */
function lookedUp(selected: SnapshotItem, json: unknown): SnapshotItem {
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  const source = typeof body.conversation === 'object' && body.conversation !== null ? (body.conversation as Record<string, unknown>) : body
  const item: SnapshotItem = { id: selected.id }
  if (typeof source.contactId === 'string' && source.contactId !== '') item.contactId = source.contactId
  const name = contactNameOf(source) ?? selected.name
  if (name !== undefined) item.name = name
  if (typeof source.assignedTo === 'string' && source.assignedTo !== '') item.assignedTo = source.assignedTo
  else if (source.assignedTo === null || source.assignedTo === '') item.assignedTo = null
  return item
}

/**
 * Runs one job until it completes, is cancelled or stopped, or the runner shuts down (then it
 * stays unfinished on disk and shows as interrupted after a restart). Never rejects.
 */
export async function runJob(entry: JobEntry, cancel: AbortSignal, deps: RunDeps): Promise<void> {
  const { store, spec } = { store: deps.store, spec: entry.spec }
  const halt = new AbortController()
  let stopMessage: string | undefined
  const context: CallContext = { ...deps.call, client: `job:${spec.id}`, cancel: AbortSignal.any([cancel, halt.signal]) }
  const stopped = (): boolean => context.cancel.aborted || context.shutdown.aborted
  const stop = (message: string): void => {
    stopMessage ??= message
    halt.abort(new StopJob(message))
  }
  /** A pool's worker: a stop or a failure halts the other lanes too, so none sends after it. */
  const guarded =
    <T>(worker: (task: T) => Promise<void>) =>
    async (task: T): Promise<void> => {
      try {
        await worker(task)
      } catch (error) {
        if (error instanceof StopJob) stop(error.message)
        else if (!stopped()) stop(failureMessage(error, deps, spec.id))
      }
    }
  entry.runStartedAt = deps.now()
  entry.settled = []

  const append = async (entries: LogEntry[]): Promise<void> => store.append(spec.id, entries)
  const call = async (upstream: UpstreamCall): Promise<{ result: CallResult; requests: number }> => {
    let requests = 0
    const result = await callUpstream({ ...context, onAnswer: (answer, daily) => (requests++, context.onAnswer(answer, daily)) }, upstream)
    return { result, requests }
  }
  const record = async (ids: string[], result: ItemResult, reason: string | undefined, requests: number): Promise<void> => {
    const at = deps.now()
    await append([{ type: 'outcome', ids, result, ...(reason === undefined ? {} : { reason }), requests, at }])
    entry.requests += requests
    for (const id of ids) if (!entry.outcomes.has(id)) entry.outcomes.set(id, reason === undefined ? { result } : { result, reason })
    if (result !== 'skipped') entry.settled.push({ at, count: ids.length })
    deps.changed(entry)
  }
  const seen = new Set<string>()
  const addItems = async (items: SnapshotItem[], requests: number): Promise<void> => {
    await append([{ type: 'items', items, requests }])
    entry.requests += requests
    for (const item of items) {
      if (seen.has(item.id)) continue
      seen.add(item.id)
      entry.items.push(item)
    }
    deps.changed(entry)
  }

  const takeSnapshot = async (): Promise<void> => {
    const at = deps.now()
    await append([{ type: 'snapshot-start', at }])
    entry.items = []
    entry.startedAt ??= at
    entry.state = 'snapshotting'
    deps.changed(entry)
    let gap = false
    if (spec.target.type === 'view') {
      const { view } = spec.target
      let pageRequests = 0
      const result = await snapshotView(
        view,
        async (query) => {
          const page = await call({ method: 'GET', path: '/conversations/search', query })
          pageRequests = page.requests
          if (page.result.kind !== 'ok') throw new StopJob(`Could not read the view: ${page.result.reason}`)
          return parseSearchAnswer(page.result.answer.json, view.sortBy)
        },
        (items) => addItems(items, pageRequests),
        deps.now,
      )
      gap = result.gap
    } else {
      const selected = spec.target.conversations.map(({ id, contactId, name }): SnapshotItem => ({
        id,
        ...(contactId ? { contactId } : {}),
        ...(name ? { name } : {}),
      }))
      const found = new Map<string, SnapshotItem>()
      let lookupRequests = 0
      if (spec.action.kind === 'assign') {
        const lookups = selected.filter((item) => item.contactId === undefined && !entry.outcomes.has(item.id) && ID_PATTERN.test(item.id))
        await runPool(lookups, deps.concurrency, stopped, guarded(async (item: SnapshotItem) => {
          const answer = await call({ method: 'GET', path: `/conversations/${item.id}` })
          lookupRequests += answer.requests
          if (answer.result.kind === 'stop-job') throw new StopJob(answer.result.reason)
          if (answer.result.kind === 'ok') found.set(item.id, lookedUp(item, answer.result.answer.json))
          else await record([item.id], 'failed', `could not look up its contact: ${answer.result.reason}`, 0)
        }))
        if (stopped()) return
      }
      await addItems(selected.map((item) => found.get(item.id) ?? item), lookupRequests)
    }
    await append([{ type: 'snapshot-end', at: deps.now(), gap }])
    entry.snapshotDone = true
    entry.gap = gap
  }

  /** The conversations (and for `assign` the contacts) this job may not share with a running one. */
  const claimKeys = (): string[] => {
    const pending = pendingItems(entry)
    const contacts = spec.action.kind === 'assign' ? pending.flatMap((item) => (item.contactId ? [`contact:${item.contactId}`] : [])) : []
    return [...pending.map((item) => item.id), ...contacts]
  }

  const waitForClaims = async (): Promise<void> => {
    for (;;) {
      const keys = claimKeys()
      const holders = deps.claims.holders(keys, spec.id)
      if (holders.size === 0) {
        deps.claims.claim(spec.id, keys)
        entry.message = undefined
        return
      }
      const words = [...holders].map(([job, count]) => `job ${job} (${count} of the same conversations)`)
      entry.state = 'waiting'
      entry.message = `Waiting for ${words.join(', ')} to finish`
      deps.changed(entry)
      await untilAny([...holders.keys()].map(deps.ended), AbortSignal.any([context.cancel, context.shutdown]))
    }
  }

  const runTask = async (task: Task): Promise<void> => {
    if (task.kind === 'skip') return record(task.ids, 'skipped', undefined, 0)
    if (task.kind === 'fail') return record(task.ids, 'failed', task.reason, 0)
    const { result, requests } = await call(task.call)
    if (result.kind === 'ok') return record(task.ids, 'changed', undefined, requests)
    if (result.kind === 'fail-item') return record(task.ids, 'failed', result.reason, requests)
    entry.requests += requests
    throw new StopJob(result.reason)
  }

  try {
    if (!entry.snapshotDone) await takeSnapshot()
    if (!stopped() && spec.target.type === 'view') {
      const verdict = budgetVerdict(writesNeeded(spec.action, pendingItems(entry), deps.locationId), {
        daily: deps.daily(),
        budget: deps.budget,
      })
      if (!verdict.allowed) throw new StopJob(`The view now holds ${entry.items.length} conversations. ${verdict.refusal}`)
    }
    if (!stopped()) await waitForClaims()
    if (!stopped()) {
      entry.state = 'running'
      deps.changed(entry)
      const tasks = planTasks(spec.action, pendingItems(entry), deps.locationId)
      await runPool(tasks, deps.concurrency, stopped, guarded(runTask))
    }
  } catch (error) {
    if (error instanceof StopJob) stopMessage ??= error.message
    else if (!stopped()) stopMessage ??= failureMessage(error, deps, spec.id)
  } finally {
    deps.claims.release(spec.id)
  }
  await finish(entry, deps, context.shutdown.aborted, stopMessage, cancel.aborted)
}

function failureMessage(error: unknown, deps: RunDeps, jobId: string): string {
  const why = error instanceof Error ? error.message : String(error)
  deps.log(`bulk job ${jobId} failed: ${why}`)
  return `The job failed on this server: ${why}`
}

async function finish(entry: JobEntry, deps: RunDeps, shutdown: boolean, stopMessage: string | undefined, cancelled: boolean) {
  if (shutdown && stopMessage === undefined) {
    entry.state = 'interrupted'
    entry.message = INTERRUPTED_MESSAGE
    deps.changed(entry)
    return
  }
  const state = stopMessage !== undefined ? 'stopped' : cancelled ? 'cancelled' : 'completed'
  const message = stopMessage ?? (state === 'completed' && entry.gap ? GAP_MESSAGE : undefined)
  const at = deps.now()
  try {
    await deps.store.append(entry.spec.id, [{ type: 'state', state, ...(message === undefined ? {} : { message }), at }])
  } catch (error) {
    deps.log(`bulk job ${entry.spec.id}: could not record that it ended: ${error instanceof Error ? error.message : String(error)}`)
  }
  entry.state = state
  entry.message = message
  entry.finishedAt = at
  deps.changed(entry)
}
