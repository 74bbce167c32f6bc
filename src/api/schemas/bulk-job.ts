import { z } from 'zod/mini'

/**
 * The server's bulk jobs (`/_inbox/jobs`, docs/bulk-jobs.md) as the app reads them: the
 * estimate and the job everyone sees (`JobView` in server/jobs/model.ts), parsed at the edge.
 */

export const BULK_KINDS = ['markRead', 'markUnread', 'star', 'unstar', 'assign'] as const
export type BulkKind = (typeof BULK_KINDS)[number]

export type BulkAction =
  | { kind: Exclude<BulkKind, 'assign'> }
  /** `assignTo: null` unassigns. */
  | { kind: 'assign'; assignTo: string | null }

export interface SelectedConversation {
  id: string
  contactId?: string
}

export type BulkTarget =
  | { type: 'selection'; conversations: SelectedConversation[] }
  /** `Object.fromEntries(toApiParams(view))` without `locationId`. */
  | { type: 'view'; view: Record<string, string> }

/** The body of `POST /_inbox/jobs` and `/_inbox/jobs/estimate`. */
export interface BulkJobRequest {
  action: BulkAction
  target: BulkTarget
  viewTotal?: number
  loaded?: SelectedConversation[]
  createdBy?: string
}

const actionSchema = z.object({ kind: z.enum(BULK_KINDS), assignTo: z.optional(z.nullable(z.string())) })

export const estimateSchema = z.object({
  conversations: z.number(),
  requests: z.object({ snapshot: z.number(), lookups: z.number(), writes: z.number(), total: z.number() }),
  /** `reserve`: the last requests of the day, kept for people: no job may spend them. */
  dailyBudget: z.object({ requests: z.number(), source: z.enum(['remaining', 'limit']), reserve: z.number() }),
  dailyShare: z.number(),
  maxDailyShare: z.number(),
  allowed: z.boolean(),
  refusal: z.optional(z.string()),
  refusedBy: z.optional(z.enum(['share', 'reserve'])),
  alsoMoves: z.nullable(z.number()),
  /** How `alsoMoves` was counted: every conversation of the contacts, only the loaded rows, or not at all (a whole view). */
  alsoMovesCounted: z.optional(z.enum(['all', 'loaded', 'none'])),
  minSeconds: z.nullable(z.number()),
})
export type Estimate = z.infer<typeof estimateSchema>

export const JOB_STATES = ['snapshotting', 'waiting', 'running', 'completed', 'cancelled', 'stopped', 'interrupted'] as const
export type JobState = (typeof JOB_STATES)[number]

/** States in which a job still sends requests (or will, once the one it waits for ends). */
export const ACTIVE_STATES: ReadonlySet<JobState> = new Set(['snapshotting', 'waiting', 'running'])

export const jobViewSchema = z.object({
  id: z.string(),
  action: actionSchema,
  target: z.union([
    z.object({ type: z.literal('selection'), count: z.number() }),
    z.object({ type: z.literal('view'), view: z.record(z.string(), z.unknown()) }),
  ]),
  createdAt: z.number(),
  createdBy: z.optional(z.string()),
  retryOf: z.optional(z.string()),
  state: z.enum(JOB_STATES),
  message: z.optional(z.string()),
  total: z.number(),
  changed: z.number(),
  skipped: z.number(),
  failed: z.number(),
  remaining: z.number(),
  requests: z.number(),
  rate: z.nullable(z.number()),
  etaSeconds: z.nullable(z.number()),
  startedAt: z.optional(z.number()),
  finishedAt: z.optional(z.number()),
  /** `name`: the contact's name when the server's snapshot knew it; text to show, never markup. */
  failures: z.optional(z.array(z.object({ id: z.string(), reason: z.string(), name: z.optional(z.string()) }))),
})
export type JobView = z.infer<typeof jobViewSchema>
export type FailedItem = NonNullable<JobView['failures']>[number]

export const jobListSchema = z.object({
  jobs: z.array(jobViewSchema),
  setAside: z.array(z.object({ file: z.string(), message: z.string() })),
})
export type JobList = z.infer<typeof jobListSchema>
