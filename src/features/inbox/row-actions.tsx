import type { Conversation } from '../../api/schemas/conversation'
import { ConversationActionButtons } from '../../components/actions/conversation-action-buttons'
import type { ConversationActionsApi } from '../../components/actions/use-conversation-actions'

interface RowActionsProps {
  conversation: Conversation
  actions: ConversationActionsApi
  /** The current row: its buttons are tab stops. */
  active: boolean
}

/**
 * A row's actions, over its right end. Drawn only where they show (the current row, the row
 * under the pointer, every row on touch screens and phone-width cards; see `VirtualRows`): the
 * rows scrolling past carry none of their nodes. Where hidden they were never reachable anyway
 * (hidden content is out of the accessibility tree); the keys `u`, `s` and `a` act on any row.
 */
export function RowActions({ conversation, actions, active }: RowActionsProps) {
  if (!actions.enabled) return null
  return (
    <div role="gridcell" className="absolute inset-y-0 right-2 flex items-center">
      <ConversationActionButtons
        conversation={conversation}
        actions={actions}
        tabbable={active}
        className="rounded-md bg-white/95 px-0.5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900/95 dark:ring-slate-700"
      />
    </div>
  )
}
