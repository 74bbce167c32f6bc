import { readToggle, starToggle, type ActionSubject } from '../../api/conversation-actions'
import type { ConversationActionsApi } from '../../components/actions/use-conversation-actions'
import { useShortcuts } from '../../lib/use-shortcuts'

/** The keys' actions, as the bulk actions take them for the ticked rows. */
export type TickedAction = 'toggleRead' | 'toggleStar' | 'assign'

interface RowActionKeysOptions {
  actions: ConversationActionsApi
  /** The conversation the keys act on: the current row, else the open one. */
  subject: () => ActionSubject | undefined
  tickedCount: number
  onActOnTicked: ((action: TickedAction) => void) | undefined
}

/**
 * `u` read/unread, `s` star, `a` assign, page-wide: on the ticked rows when some are ticked (the
 * bulk actions' hook), else on the current row. The pane takes them first while focus is in it.
 */
export function useRowActionKeys({ actions, subject, tickedCount, onActOnTicked }: RowActionKeysOptions): void {
  const run = (action: TickedAction) => {
    if (!actions.enabled) return
    if (tickedCount > 0 && onActOnTicked) {
      onActOnTicked(action)
      return
    }
    const conversation = subject()
    if (!conversation) return
    actions.act(
      conversation,
      action === 'toggleRead' ? readToggle(conversation) : action === 'toggleStar' ? starToggle(conversation) : 'assign',
    )
  }
  useShortcuts({ toggleRead: () => run('toggleRead'), toggleStar: () => run('toggleStar'), assign: () => run('assign') })
}
