import { CONVERSATION_ACTIONS, isUnread, readToggle, starToggle, type ConversationAction } from '../../api/conversation-actions'
import type { ActionSubject } from '../../api/conversation-actions'
import { Icon, ICONS } from '../ui/icon'
import { focusRing } from '../ui/styles'
import type { ConversationActionsApi } from './use-conversation-actions'

interface ConversationActionButtonsProps {
  conversation: ActionSubject
  actions: ConversationActionsApi
  /** In a grid row only the current row's buttons are tab stops (the row's roving tab index). */
  tabbable?: boolean
  className?: string
}

const buttonClass = `grid size-7 place-items-center rounded-md text-slate-600 hover:bg-slate-200 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-700 dark:hover:text-white ${focusRing}`

/**
 * Read/unread, star and assign for one conversation: the row's and the pane's buttons. Plain
 * markup, no state: a row draws them cheaply. Nothing is offered on a read-only server.
 */
export function ConversationActionButtons({ conversation, actions, tabbable = true, className = '' }: ConversationActionButtonsProps) {
  if (!actions.enabled) return null
  const button = (action: ConversationAction, icon: readonly string[], filled = false) => {
    const { label, key } = CONVERSATION_ACTIONS[action]
    return (
      <button
        type="button"
        aria-label={label}
        aria-keyshortcuts={key}
        title={`${label} (${key})`}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => actions.act(conversation, action)}
        className={buttonClass}
      >
        <Icon paths={icon} filled={filled} className={`size-4 ${filled ? 'text-amber-500' : ''}`} />
      </button>
    )
  }
  return (
    <div data-conversation-actions="" className={`flex items-center gap-0.5 ${className}`}>
      {button(readToggle(conversation), isUnread(conversation) ? ICONS.mailOpen : ICONS.mail)}
      {button(starToggle(conversation), ICONS.star, conversation.starred === true)}
      {button('assign', ICONS.user)}
    </div>
  )
}
