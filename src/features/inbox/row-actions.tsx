import type { Conversation } from '../../api/schemas/conversation'
import { ConversationActionButtons } from '../../components/actions/conversation-action-buttons'
import type { ConversationActionsApi } from '../../components/actions/use-conversation-actions'

interface RowActionsProps {
  conversation: Conversation
  actions: ConversationActionsApi
  /** The current row: its buttons show and are tab stops. */
  active: boolean
}

/**
 * A row's actions, over its right end: shown on hover, on focus, for the current row, on touch
 * screens (no hover) and on phone-width cards. Hidden ones take no clicks meant for the row.
 */
export function RowActions({ conversation, actions, active }: RowActionsProps) {
  if (!actions.enabled) return null
  return (
    <div
      role="gridcell"
      className={`absolute inset-y-0 right-2 flex items-center group-hover:visible group-focus-within:visible max-sm:visible [@media(hover:none)]:visible ${active ? 'visible' : 'invisible'}`}
    >
      <ConversationActionButtons
        conversation={conversation}
        actions={actions}
        tabbable={active}
        className="rounded-md bg-white/95 px-0.5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900/95 dark:ring-slate-700"
      />
    </div>
  )
}
