import type { ConversationPatch } from '../../api/conversation-cache'
import type { Conversation } from '../../api/schemas/conversation'

/**
 * The list to show: `next`, with the rows acted on (`kept`, each with the changes drawn since)
 * that `next` no longer holds put back where `previous` had them — after the nearest row above
 * them that is still there. A row marked read in "Unread" stays under the reader until the
 * view is refreshed or left.
 */
export function keepRows(
  previous: readonly Conversation[],
  next: Conversation[],
  kept: ReadonlyMap<string, ConversationPatch>,
): Conversation[] {
  if (kept.size === 0 || previous.length === 0) return next
  const present = new Set(next.map((conversation) => conversation.id))
  const after = new Map<string | undefined, Conversation[]>()
  let anchor: string | undefined
  for (const conversation of previous) {
    if (present.has(conversation.id)) {
      anchor = conversation.id
      continue
    }
    const patch = kept.get(conversation.id)
    if (!patch) continue
    const rows = after.get(anchor) ?? []
    rows.push({ ...conversation, ...patch })
    after.set(anchor, rows)
  }
  if (after.size === 0) return next
  const shown = [...(after.get(undefined) ?? [])]
  for (const conversation of next) {
    shown.push(conversation, ...(after.get(conversation.id) ?? []))
  }
  return shown
}
