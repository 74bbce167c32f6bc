import type { BulkAction, BulkJobRequest, SelectedConversation } from '../../api/schemas/bulk-job'
import type { Conversation } from '../../api/schemas/conversation'
import type { SearchView } from '../../api/schemas/search-view'
import { toApiParams } from '../../api/search-params'
import type { TickedRows } from '../../view/ticked-rows'

/** HighLevel's own page acts on at most 100 rows at once: more is asked about first. */
export const LARGE_SELECTION = 100

export interface LoadedList {
  conversations: readonly Conversation[]
  total: number | undefined
}

const selected = (conversation: Conversation): SelectedConversation =>
  conversation.contactId ? { id: conversation.id, contactId: conversation.contactId } : { id: conversation.id }

/**
 * The job body for the ticked rows or the whole view. A ticked row keeps its contact when the
 * list has it (assign then needs no lookup); `assign` sends the loaded rows too, so the
 * estimate can count who moves along with a contact.
 */
export function bulkRequest(
  action: BulkAction,
  ticks: TickedRows,
  view: SearchView,
  list: LoadedList,
  createdBy: string | undefined,
): BulkJobRequest {
  const byId = new Map(list.conversations.map((conversation) => [conversation.id, conversation]))
  const request: BulkJobRequest = ticks.allInView
    ? { action, target: { type: 'view', view: Object.fromEntries(toApiParams(view)) }, ...(list.total === undefined ? {} : { viewTotal: list.total }) }
    : {
        action,
        target: {
          type: 'selection',
          conversations: [...ticks.selection.ticked].map((id) => {
            const conversation = byId.get(id)
            return conversation ? selected(conversation) : { id }
          }),
        },
      }
  if (action.kind === 'assign') request.loaded = list.conversations.map(selected)
  if (createdBy) request.createdBy = createdBy
  return request
}

/** `u` and `s` on ticked rows: read when any loaded ticked row is unread (star when any is not starred). */
export function toggledAction(toggle: 'read' | 'star', ticks: TickedRows, list: LoadedList): BulkAction {
  const ticked = ticks.allInView ? list.conversations : list.conversations.filter((conversation) => ticks.selection.ticked.has(conversation.id))
  if (toggle === 'read') return { kind: ticked.some((conversation) => (conversation.unreadCount ?? 0) > 0) ? 'markRead' : 'markUnread' }
  return { kind: ticked.some((conversation) => !conversation.starred) ? 'star' : 'unstar' }
}

/** Whole views and large selections are confirmed; so is an assign that moves others too, and anything refused. */
export function needsConfirmation(ticks: TickedRows, estimate: { conversations: number; alsoMoves: number | null; allowed: boolean }): boolean {
  return ticks.allInView || !estimate.allowed || estimate.conversations > LARGE_SELECTION || (estimate.alsoMoves ?? 0) > 0
}
