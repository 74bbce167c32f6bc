import { randomBytes } from 'node:crypto'
import { MAX_LIMIT } from '../../src/api/schemas/enums'
import { DEFAULT_VIEW, type SearchView } from '../../src/api/schemas/search-view'
import { toApiParams } from '../../src/api/search-params'
import { callUpstream, DEFAULT_RETRY, type RetryPolicy } from './call-upstream.ts'
import { createClaims } from './claims.ts'
import { DEFAULT_BUDGET, estimateJob, type BudgetSettings, type DailyFigure, type Estimate } from './estimate.ts'
import { entryOf, failuresOf, isFinal, newEntry, viewOf, type JobEntry } from './job-entry.ts'
import type { JobStore, SetAsideNotice } from './job-store.ts'
import type { JobAction, JobEvent, JobSpec, JobTarget, JobView, SelectedConversation } from './model.ts'
import { runJob, type RunDeps } from './run-job.ts'
import { parseSearchAnswer } from './snapshot.ts'
import { unpaced, type JobPacer, type Send } from './upstream.ts'

/** An assign selection of at most this many contacts is counted exactly: one search per contact. */
export const EXACT_CONTACTS_MAX = 10

/** The conversation ids of a search answer; undefined when it is not one. */
function conversationIds(json: unknown): string[] | undefined {
  const page = parseSearchAnswer(json, DEFAULT_VIEW.sortBy)
  if (page.total === undefined) return undefined
  return page.rows.flatMap((row) => (row.item ? [row.item.id] : []))
}

/** The default share of the pacing limit bulk jobs may use together (BULK_BUDGET_SHARE). */
export const DEFAULT_BULK_BUDGET_SHARE = 0.6

export interface JobRunnerOptions {
  store: JobStore
  send: Send
  /** The server's one shared pacer; omitted when pacing is off. */
  pacer?: JobPacer
  /** The location this server serves: every `PUT /conversations/{id}` names it. */
  locationId: string
  /** BULK_BUDGET_SHARE: the share of the pacer's tokens bulk calls may hold (0..1). */
  maxShare?: number
  /** The pacing limit, to tell the fastest a job can finish. */
  rateLimit?: { limit: number; windowMs: number }
  budget?: Partial<BudgetSettings>
  /** HighLevel's daily budget as the proxy last read it (the gateway's `dailyBudget`). */
  daily?: DailyFigure
  /** Requests in flight per job (the pacer sets the rate). */
  concurrency?: number
  retry?: Partial<RetryPolicy>
  now?: () => number
  newId?: () => string
  log?: (line: string) => void
}

export interface JobRequest {
  action: JobAction
  target: JobTarget
  /** The view's total as the app last saw it; without it the estimate asks HighLevel (one request). */
  viewTotal?: number
  /** Conversations the asker has loaded, to count those that move with their contact. */
  loaded?: SelectedConversation[]
  createdBy?: string
}

export type JobErrorCode = 'not-found' | 'conflict' | 'refused' | 'upstream'

export class JobError extends Error {
  override name = 'JobError'
  constructor(
    readonly code: JobErrorCode,
    message: string,
    readonly estimate?: Estimate,
  ) {
    super(message)
  }
}

export interface JobRunner {
  estimate(request: JobRequest): Promise<Estimate>
  /** Refuses (JobError 'refused') a job over the daily budget share. */
  start(request: JobRequest): Promise<JobView>
  /** Every job, newest first. */
  list(): JobView[]
  /** One job with its failed conversations and their reasons. */
  get(id: string): JobView | undefined
  /** Resolves once the job has stopped: no request starts after the call, those in flight are recorded. */
  cancel(id: string): Promise<JobView>
  /** Carries on an interrupted, stopped or cancelled job: only what has no outcome is sent. */
  resume(id: string): Promise<JobView>
  /** A new job over the failed conversations of `id`. */
  retryFailed(id: string, createdBy?: string): Promise<JobView>
  /** Every change of every job; returns the unsubscribe. */
  onEvent(listener: (event: JobEvent) => void): () => void
  /** Job files that could not be read at start-up and were moved aside. */
  readonly setAside: readonly SetAsideNotice[]
  /** Resolves when no job is running. */
  idle(): Promise<void>
  /** Stops every job where it is (they resume after a restart) and closes the store. */
  close(): Promise<void>
}

export async function createJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { store, locationId } = options
  const now = options.now ?? Date.now
  const log = options.log ?? ((line: string) => console.log(line))
  const newId = options.newId ?? (() => randomBytes(8).toString('hex'))
  const maxShare = options.maxShare ?? DEFAULT_BULK_BUDGET_SHARE
  const budget: BudgetSettings = { ...DEFAULT_BUDGET, ...options.budget }
  const pacer = options.pacer ?? unpaced
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry }
  const shutdown = new AbortController()
  const listeners = new Set<(event: JobEvent) => void>()
  const entries = new Map<string, JobEntry>()
  const runs = new Map<string, { cancel: AbortController; done: Promise<void> }>()
  let lastDaily: number | undefined

  const loaded = await store.load()
  for (const job of loaded.jobs) entries.set(job.spec.id, entryOf(job))
  for (const notice of loaded.setAside) log(notice.message)

  const emit = (event: JobEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event)
      } catch (error) {
        log(`bulk job listener failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  // The proxy reads every answer, the job's too; a runner without one goes by its jobs' answers.
  const daily = (): DailyFigure => ({ remaining: options.daily?.remaining ?? lastDaily, limit: options.daily?.limit })
  const callBase = {
    send: options.send,
    pacer,
    maxShare,
    retry,
    shutdown: shutdown.signal,
    onAnswer: (_answer: unknown, daily: number | undefined) => {
      if (daily !== undefined) lastDaily = daily
    },
  }
  const deps: RunDeps = {
    store,
    claims: createClaims(),
    locationId,
    concurrency: options.concurrency ?? 4,
    budget,
    daily,
    call: callBase,
    ended: (jobId) => runs.get(jobId)?.done ?? Promise.resolve(),
    changed: (entry) => emit({ type: 'job', job: viewOf(entry, now(), false) }),
    now,
    log,
  }

  const entryFor = (id: string): JobEntry => {
    const entry = entries.get(id)
    if (!entry) throw new JobError('not-found', `No bulk job ${id}`)
    return entry
  }
  const launch = (entry: JobEntry): void => {
    const cancel = new AbortController()
    const done = runJob(entry, cancel.signal, deps).finally(() => runs.delete(entry.spec.id))
    runs.set(entry.spec.id, { cancel, done })
  }

  /** The view's total: one search for one conversation. */
  const viewTotal = async (view: SearchView): Promise<number> => {
    const query = toApiParams({ ...view, limit: 1 })
    const never = new AbortController().signal
    const result = await callUpstream({ ...callBase, client: 'job-estimate', cancel: never }, { method: 'GET', path: '/conversations/search', query })
    const total = result.kind === 'ok' && typeof result.answer.json === 'object' && result.answer.json !== null ? (result.answer.json as { total?: unknown }).total : undefined
    if (typeof total !== 'number') throw new JobError('upstream', `Could not count the view's conversations${result.kind === 'ok' ? '' : `: ${result.reason}`}`)
    return total
  }

  /**
   * Every conversation of each contact of a small assign selection, searched by contact, so the
   * confirmation can say exactly who moves along; undefined when the selection is larger, a
   * contact is unknown, or a search fails (then the loaded rows are counted instead).
   */
  const contactConversations = async (request: JobRequest): Promise<Map<string, string[]> | undefined> => {
    if (request.action.kind !== 'assign' || request.target.type !== 'selection') return undefined
    const { conversations } = request.target
    const contacts = new Set(conversations.flatMap((item) => (item.contactId ? [item.contactId] : [])))
    if (contacts.size === 0 || contacts.size > EXACT_CONTACTS_MAX || conversations.some((item) => !item.contactId)) return undefined
    const never = new AbortController().signal
    const found = new Map<string, string[]>()
    for (const contactId of contacts) {
      const query = toApiParams({ ...DEFAULT_VIEW, contactId, limit: MAX_LIMIT })
      const result = await callUpstream({ ...callBase, client: 'job-estimate', cancel: never }, { method: 'GET', path: '/conversations/search', query })
      const ids = result.kind === 'ok' ? conversationIds(result.answer.json) : undefined
      // A contact with a full page may have more: not exact.
      if (!ids || ids.length >= MAX_LIMIT) return undefined
      found.set(contactId, ids)
    }
    return found
  }

  const estimate = async (request: JobRequest): Promise<Estimate> => {
    const total = request.target.type === 'view' ? (request.viewTotal ?? (await viewTotal(request.target.view))) : undefined
    const bulkRate = options.rateLimit ? (maxShare * options.rateLimit.limit) / (options.rateLimit.windowMs / 1000) : undefined
    const everyOne = await contactConversations(request)
    return estimateJob({ ...request, viewTotal: total, daily: daily(), budget, bulkRate, ...(everyOne ? { contactConversations: everyOne } : {}) })
  }

  const start = async (request: JobRequest, retryOf?: string): Promise<JobView> => {
    if (shutdown.signal.aborted) throw new JobError('conflict', 'The server is stopping')
    const cost = await estimate(request)
    if (!cost.allowed) throw new JobError('refused', cost.refusal ?? 'Over the daily budget share', cost)
    const spec: JobSpec = { id: newId(), action: request.action, target: request.target, createdAt: now() }
    if (request.createdBy !== undefined) spec.createdBy = request.createdBy
    if (retryOf !== undefined) spec.retryOf = retryOf
    await store.create(spec)
    const entry = newEntry(spec)
    entries.set(spec.id, entry)
    launch(entry)
    deps.changed(entry)
    return viewOf(entry, now(), true)
  }

  return {
    setAside: loaded.setAside,
    estimate,
    start: (request) => start(request),
    list: () =>
      [...entries.values()].sort((a, b) => b.spec.createdAt - a.spec.createdAt).map((entry) => viewOf(entry, now(), false)),
    get: (id) => {
      const entry = entries.get(id)
      return entry && viewOf(entry, now(), true)
    },
    async cancel(id) {
      const entry = entryFor(id)
      const run = runs.get(id)
      if (run) {
        run.cancel.abort(new Error('Cancelled'))
        await run.done
      } else if (!isFinal(entry.state)) {
        const at = now()
        await store.append(id, [{ type: 'state', state: 'cancelled', at }])
        entry.state = 'cancelled'
        entry.finishedAt = at
        deps.changed(entry)
      }
      return viewOf(entry, now(), true)
    },
    async resume(id) {
      const entry = entryFor(id)
      if (runs.has(id)) throw new JobError('conflict', `Job ${id} is running already`)
      if (entry.state === 'completed') throw new JobError('conflict', `Job ${id} has completed; nothing is left to resume`)
      await store.append(id, [{ type: 'resumed', at: now() }])
      entry.state = entry.snapshotDone ? 'running' : 'snapshotting'
      entry.message = undefined
      entry.finishedAt = undefined
      launch(entry)
      deps.changed(entry)
      return viewOf(entry, now(), true)
    },
    async retryFailed(id, createdBy) {
      const entry = entryFor(id)
      if (runs.has(id)) throw new JobError('conflict', `Job ${id} is still running; retry its failures when it ends`)
      const contacts = new Map(entry.items.map((item) => [item.id, item.contactId]))
      // The names go along, so the retry's own report can say who failed again.
      const conversations = failuresOf(entry).map(({ id: conversation, name }): SelectedConversation => {
        const contactId = contacts.get(conversation)
        return { id: conversation, ...(contactId === undefined ? {} : { contactId }), ...(name === undefined ? {} : { name }) }
      })
      if (conversations.length === 0) throw new JobError('conflict', `Job ${id} has no failed conversations to retry`)
      const request: JobRequest = { action: entry.spec.action, target: { type: 'selection', conversations } }
      if (createdBy !== undefined) request.createdBy = createdBy
      return start(request, id)
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async idle() {
      while (runs.size > 0) await Promise.all([...runs.values()].map((run) => run.done))
    },
    async close() {
      shutdown.abort(new Error('The server is stopping'))
      await Promise.all([...runs.values()].map((run) => run.done))
      await store.close()
    },
  }
}
