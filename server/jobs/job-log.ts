import { z } from 'zod'
import { CONTACT_NAME_MAX_CHARS } from '../../src/lib/contact-name.ts'
import { JOB_KINDS, type ItemResult, type JobSpec, type JobState, type SnapshotItem } from './model.ts'

/**
 * A job's file: JSON lines, appended only, one entry a line (docs/bulk-jobs.md). Replaying
 * the lines gives the job back after a restart; a conversation's first outcome is its only one.
 */

export const JOB_FILE_FORMAT = 1

const id = z.string().min(1).max(200)
/** Added after format 1 began: older files have none; one not as this server writes it is dropped, not the file. */
const name = z.string().min(1).max(CONTACT_NAME_MAX_CHARS).optional().catch(undefined)
const searchViewSchema = z.looseObject({ sort: z.enum(['asc', 'desc']), sortBy: z.string(), limit: z.number() })

const specSchema = z.object({
  id,
  action: z.object({ kind: z.enum(JOB_KINDS), assignTo: z.string().nullable().optional() }),
  target: z.discriminatedUnion('type', [
    z.object({ type: z.literal('selection'), conversations: z.array(z.object({ id, contactId: id.optional(), name })) }),
    z.object({ type: z.literal('view'), view: searchViewSchema }),
  ]),
  createdAt: z.number(),
  createdBy: z.string().optional(),
  retryOf: z.string().optional(),
})

const snapshotItemSchema = z.object({
  id,
  contactId: id.optional(),
  name,
  unreadCount: z.number().optional(),
  starred: z.boolean().optional(),
  assignedTo: z.string().nullable().optional(),
})

const entrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), format: z.number(), spec: specSchema }),
  z.object({ type: z.literal('snapshot-start'), at: z.number() }),
  z.object({ type: z.literal('items'), items: z.array(snapshotItemSchema), requests: z.number() }),
  z.object({ type: z.literal('snapshot-end'), at: z.number(), gap: z.boolean() }),
  z.object({
    type: z.literal('outcome'),
    ids: z.array(id),
    result: z.enum(['changed', 'skipped', 'failed']),
    reason: z.string().optional(),
    requests: z.number(),
    at: z.number(),
  }),
  z.object({ type: z.literal('state'), state: z.enum(['completed', 'cancelled', 'stopped']), message: z.string().optional(), at: z.number() }),
  z.object({ type: z.literal('resumed'), at: z.number() }),
])

export type LogEntry =
  | { type: 'job'; format: number; spec: JobSpec }
  | { type: 'snapshot-start'; at: number }
  /** Conversations read for the snapshot, and the requests (search pages, lookups) that read them. */
  | { type: 'items'; items: SnapshotItem[]; requests: number }
  | { type: 'snapshot-end'; at: number; gap: boolean }
  | { type: 'outcome'; ids: string[]; result: ItemResult; reason?: string; requests: number; at: number }
  | { type: 'state'; state: 'completed' | 'cancelled' | 'stopped'; message?: string; at: number }
  | { type: 'resumed'; at: number }

export class JobFileError extends Error {
  override name = 'JobFileError'
}

export function encodeEntry(entry: LogEntry): string {
  return `${JSON.stringify(entry)}\n`
}

/** A job as its file tells it. */
export interface ReplayedJob {
  spec: JobSpec
  /** In snapshot order; empty until the snapshot starts. */
  items: SnapshotItem[]
  snapshotDone: boolean
  gap: boolean
  outcomes: Map<string, { result: ItemResult; reason?: string }>
  requests: number
  /** The last state line, or undefined while the job had not ended. */
  state: Extract<JobState, 'completed' | 'cancelled' | 'stopped'> | undefined
  message?: string
  startedAt?: number
  finishedAt?: number
}

export function parseLine(line: string, lineNumber: number): LogEntry {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    throw new JobFileError(`line ${lineNumber} is not JSON`)
  }
  const parsed = entrySchema.safeParse(json)
  if (!parsed.success) throw new JobFileError(`line ${lineNumber} is not a job entry (${parsed.error.issues[0]?.message ?? 'invalid'})`)
  return parsed.data as LogEntry
}

/** Builds the job from its entries; throws JobFileError when they do not make one. */
export function replay(entries: readonly LogEntry[]): ReplayedJob {
  const [head, ...rest] = entries
  if (head?.type !== 'job') throw new JobFileError('the file does not start with a job line')
  if (head.format !== JOB_FILE_FORMAT) throw new JobFileError(`format ${head.format}, this server reads format ${JOB_FILE_FORMAT}`)
  const job: ReplayedJob = {
    spec: head.spec,
    items: [],
    snapshotDone: false,
    gap: false,
    outcomes: new Map(),
    requests: 0,
    state: undefined,
  }
  let seen = new Set<string>()
  for (const entry of rest) {
    switch (entry.type) {
      case 'job':
        throw new JobFileError('a second job line')
      case 'snapshot-start':
        // A snapshot cut short by a crash is taken again from the start.
        job.items = []
        job.snapshotDone = false
        job.startedAt ??= entry.at
        seen = new Set()
        break
      case 'items':
        job.requests += entry.requests
        for (const item of entry.items) {
          if (seen.has(item.id)) continue
          seen.add(item.id)
          job.items.push(item)
        }
        break
      case 'snapshot-end':
        job.snapshotDone = true
        job.gap = entry.gap
        break
      case 'outcome':
        job.requests += entry.requests
        for (const conversation of entry.ids) {
          // Never counted twice: a conversation keeps its first outcome.
          if (job.outcomes.has(conversation)) continue
          job.outcomes.set(conversation, entry.reason === undefined ? { result: entry.result } : { result: entry.result, reason: entry.reason })
        }
        break
      case 'state':
        job.state = entry.state
        job.message = entry.message
        job.finishedAt = entry.at
        break
      case 'resumed':
        job.state = undefined
        job.message = undefined
        job.finishedAt = undefined
    }
  }
  return job
}
