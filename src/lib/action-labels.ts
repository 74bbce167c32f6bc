import type { BulkKind } from '../api/schemas/bulk-job'

/**
 * The conversation actions as people read them: the buttons' accessible names (one row, the
 * pane, the selection bar) and the words of a job's report.
 */
export const ACTION_LABELS: Record<BulkKind, { name: string; done: string }> = {
  markRead: { name: 'Mark as read', done: 'marked read' },
  markUnread: { name: 'Mark as unread', done: 'marked unread' },
  star: { name: 'Star', done: 'starred' },
  unstar: { name: 'Unstar', done: 'unstarred' },
  assign: { name: 'Assign', done: 'assigned' },
}
