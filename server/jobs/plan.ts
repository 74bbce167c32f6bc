import type { JobAction, SnapshotItem } from './model.ts'
import type { UpstreamCall } from './upstream.ts'

/**
 * What a job sends for its conversations: one `PUT /conversations/{id}` each, or for `assign`
 * one `PUT /contacts/{contactId}` per contact. A conversation the snapshot shows in the target
 * state already costs nothing.
 */

/** HighLevel ids as they may appear in a path (CONTRACT.md). */
export const ID_PATTERN = /^[A-Za-z0-9]{8,40}$/

export type Task =
  | { kind: 'send'; ids: string[]; call: UpstreamCall }
  | { kind: 'skip'; ids: string[] }
  | { kind: 'fail'; ids: string[]; reason: string }

function inTargetState(action: JobAction, item: SnapshotItem): boolean {
  switch (action.kind) {
    case 'markRead':
      return item.unreadCount === 0
    case 'markUnread':
      return item.unreadCount !== undefined && item.unreadCount > 0
    case 'star':
      return item.starred === true
    case 'unstar':
      return item.starred === false
    case 'assign':
      return item.assignedTo !== undefined && item.assignedTo === (action.assignTo ?? null)
  }
}

function conversationBody(action: JobAction, locationId: string): Record<string, unknown> {
  switch (action.kind) {
    case 'markRead':
      return { locationId, unreadCount: 0 }
    case 'markUnread':
      return { locationId, unreadCount: 1 }
    case 'star':
      return { locationId, starred: true }
    default:
      return { locationId, starred: false }
  }
}

/** The tasks for the conversations still pending, in snapshot order. */
export function planTasks(action: JobAction, pending: readonly SnapshotItem[], locationId: string): Task[] {
  if (action.kind === 'assign') return planAssign(action, pending)
  const skipped = pending.filter((item) => inTargetState(action, item)).map((item) => item.id)
  const tasks: Task[] = skipped.length > 0 ? [{ kind: 'skip', ids: skipped }] : []
  for (const item of pending) {
    if (inTargetState(action, item)) continue
    if (!ID_PATTERN.test(item.id)) {
      tasks.push({ kind: 'fail', ids: [item.id], reason: 'not a conversation id this server can address' })
      continue
    }
    const call: UpstreamCall = { method: 'PUT', path: `/conversations/${item.id}`, body: conversationBody(action, locationId) }
    tasks.push({ kind: 'send', ids: [item.id], call })
  }
  return tasks
}

function planAssign(action: JobAction, pending: readonly SnapshotItem[]): Task[] {
  const byContact = new Map<string, SnapshotItem[]>()
  const tasks: Task[] = []
  for (const item of pending) {
    if (item.contactId === undefined || !ID_PATTERN.test(item.contactId)) {
      tasks.push({ kind: 'fail', ids: [item.id], reason: 'its contact is not known' })
      continue
    }
    const group = byContact.get(item.contactId) ?? []
    group.push(item)
    byContact.set(item.contactId, group)
  }
  const skipped: string[] = []
  for (const [contactId, items] of byContact) {
    const ids = items.map((item) => item.id)
    if (items.every((item) => inTargetState(action, item))) {
      skipped.push(...ids)
      continue
    }
    const call: UpstreamCall = { method: 'PUT', path: `/contacts/${contactId}`, body: { assignedTo: action.assignTo ?? null } }
    tasks.push({ kind: 'send', ids, call })
  }
  return skipped.length > 0 ? [{ kind: 'skip', ids: skipped }, ...tasks] : tasks
}

/** Requests the pending conversations will cost. */
export function writesNeeded(action: JobAction, pending: readonly SnapshotItem[], locationId: string): number {
  return planTasks(action, pending, locationId).filter((task) => task.kind === 'send').length
}
