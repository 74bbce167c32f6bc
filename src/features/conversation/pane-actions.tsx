import { readToggle, starToggle, type ActionSubject } from '../../api/conversation-actions'
import { ConversationActionButtons } from '../../components/actions/conversation-action-buttons'
import { useConversationActions } from '../../components/actions/use-conversation-actions'
import { ignoresShortcuts } from '../../lib/keyboard-target'
import { actionForKey } from '../../lib/shortcut-list'
import { useEffect, useRef } from 'react'

interface PaneActionsProps {
  /** The open conversation as the cache holds it now; undefined while it loads. */
  conversation: ActionSubject | undefined
  /** Opening it marks it read (the "Mark as read when opened" preference). */
  markReadOnOpen: boolean
}

/**
 * The open conversation's actions: its buttons, and `u`/`s`/`a` while focus is in the pane (the
 * list's keys act on its current row otherwise). Marks it read once when opened, if asked to.
 */
export function PaneActions({ conversation, markReadOnOpen }: PaneActionsProps) {
  const actions = useConversationActions()
  const ref = useRef<HTMLDivElement>(null)
  const { enabled, act } = actions

  const markedOnOpen = useRef(false)
  useEffect(() => {
    if (!markReadOnOpen || !enabled || !conversation || markedOnOpen.current) return
    markedOnOpen.current = true
    if (readToggle(conversation) === 'markRead') act(conversation, 'markRead')
  }, [markReadOnOpen, enabled, conversation, act])

  useEffect(() => {
    const pane = ref.current?.closest('section')
    if (!pane || !conversation || !enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      const key = actionForKey(event.key)
      if (ignoresShortcuts(event) || event.repeat) return
      const action =
        key === 'toggleRead' ? readToggle(conversation) : key === 'toggleStar' ? starToggle(conversation) : key === 'assign' ? 'assign' : undefined
      if (!action) return
      // Taken here: the list's page-wide keys leave a handled key alone.
      event.preventDefault()
      act(conversation, action)
    }
    pane.addEventListener('keydown', onKeyDown)
    return () => pane.removeEventListener('keydown', onKeyDown)
  }, [conversation, enabled, act])

  return (
    <div ref={ref}>{conversation && <ConversationActionButtons conversation={conversation} actions={actions} />}</div>
  )
}
