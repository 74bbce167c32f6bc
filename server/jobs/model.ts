import type { SearchView } from '../../src/api/schemas/search-view'

/**
 * The words of a bulk job, shared by the runner, its store and its HTTP routes.
 * See docs/bulk-jobs.md.
 */

export const JOB_KINDS = ['markRead', 'markUnread', 'star', 'unstar', 'assign'] as const
export type JobKind = (typeof JOB_KINDS)[number]

export interface JobAction {
  kind: JobKind
  /** `assign` only: the user id, or null to unassign. */
  assignTo?: string | null
}

/**
 * A conversation of a selection; `contactId` spares a lookup for `assign`. `name` is set only by
 * the server itself (a retry carries the names its job knew); the app's request cannot send one.
 */
export interface SelectedConversation {
  id: string
  contactId?: string
  name?: string
}

export type JobTarget =
  | { type: 'selection'; conversations: SelectedConversation[] }
  | { type: 'view'; view: SearchView }

/** What someone asked for: written once, at the head of the job's file. */
export interface JobSpec {
  id: string
  action: JobAction
  target: JobTarget
  createdAt: number
  createdBy?: string
  /** Set when this job retries the failed items of another. */
  retryOf?: string
}

/** What the snapshot knows of a conversation: enough to skip it, to find its contact, to name it. */
export interface SnapshotItem {
  id: string
  contactId?: string
  /** The contact's name as the list words it (`knownContactName`), when HighLevel's answer had one. */
  name?: string
  unreadCount?: number
  starred?: boolean
  /** null: known to be unassigned; undefined: not known. */
  assignedTo?: string | null
}

export type ItemResult = 'changed' | 'skipped' | 'failed'

/** One outcome line: one request's result, for the conversations it covered. */
export interface Outcome {
  ids: string[]
  result: ItemResult
  reason?: string
  at: number
}

export const JOB_STATES = [
  'snapshotting',
  'waiting',
  'running',
  'completed',
  'cancelled',
  'stopped',
  'interrupted',
] as const
export type JobState = (typeof JOB_STATES)[number]

export const FINAL_STATES: ReadonlySet<JobState> = new Set(['completed', 'cancelled', 'stopped'])

export interface FailedItem {
  id: string
  reason: string
  /** The contact's name, when the job's snapshot knew it; plain text, never markup. */
  name?: string
}

/** A job as everyone sees it (list and detail, events). */
export interface JobView {
  id: string
  action: JobAction
  target: { type: 'selection'; count: number } | { type: 'view'; view: SearchView }
  createdAt: number
  createdBy?: string
  retryOf?: string
  state: JobState
  /** Why the job stopped, is waiting, or could not be listed whole. */
  message?: string
  /** Conversations in the job: the snapshot's count once it is taken. */
  total: number
  changed: number
  skipped: number
  failed: number
  remaining: number
  /** HighLevel requests sent by this job so far, snapshot pages included. */
  requests: number
  /** Conversations settled per second over the last minute, or null before there is a rate. */
  rate: number | null
  /** Seconds until done at that rate, or null. */
  etaSeconds: number | null
  startedAt?: number
  finishedAt?: number
  /** Only in a job's detail: the failed conversations with their reasons. */
  failures?: FailedItem[]
}

export type JobEvent =
  | { type: 'job'; job: JobView }
  | { type: 'set-aside'; file: string; message: string }
