import type { Conversation } from '../../api/schemas/conversation'
import { sameSort } from '../../api/search-paging'

export interface HeadChanges {
  /** Conversations of the polled first page that are above the reader but not shown there. */
  newCount: number
  /** Every item of the first page is new: more may have arrived than one page shows. */
  more: boolean
  /** Shown rows whose fields changed, by id, to be drawn in place. */
  updates: ReadonlyMap<string, Conversation>
}

export const NO_HEAD_CHANGES: HeadChanges = { newCount: 0, more: false, updates: new Map() }

/**
 * What the polled first page (`head`) says about the loaded list. A conversation counts as new
 * when the list lacks it, or when it moved up (its sort value changed and it now sits higher
 * than its row): showing it would push rows under the reader's eyes. A row whose place is
 * kept (same sort value, or it did not move up) is updated in place.
 * `indexOf` finds a row of the list by id; one lookup per head item, never a scan of the list.
 */
export function compareHead(
  head: readonly Conversation[],
  list: readonly Conversation[],
  indexOf: ReadonlyMap<string, number>,
): HeadChanges {
  let newCount = 0
  const updates = new Map<string, Conversation>()
  head.forEach((conversation, headIndex) => {
    const index = indexOf.get(conversation.id)
    const shown = index === undefined ? undefined : list[index]
    if (index === undefined || !shown) {
      newCount++
      return
    }
    const moved = !sameSort(shown.sort, conversation.sort)
    if (moved && index > headIndex) newCount++
    else if (!sameConversation(shown, conversation)) updates.set(conversation.id, conversation)
  })
  if (newCount === 0 && updates.size === 0) return NO_HEAD_CHANGES
  return { newCount, more: newCount > 0 && newCount === head.length, updates }
}

/** The list with updated rows swapped in; the same array when nothing changed. */
export function applyUpdates(list: Conversation[], updates: ReadonlyMap<string, Conversation>): Conversation[] {
  if (updates.size === 0) return list
  return list.map((conversation) => updates.get(conversation.id) ?? conversation)
}

/** Where each conversation of the list is, by id. */
export function indexById(list: readonly Conversation[]): Map<string, number> {
  return new Map(list.map((conversation, index) => [conversation.id, index]))
}

// Items are parsed from JSON: comparing their JSON is exact and cheap for one page of rows.
function sameConversation(a: Conversation, b: Conversation): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
