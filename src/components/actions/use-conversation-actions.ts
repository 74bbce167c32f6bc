import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import {
  ActionFailedError,
  CONVERSATION_ACTIONS,
  runConversationAction,
  undoConversationAction,
  type ConversationAction,
  type DoneAction,
} from '../../api/conversation-actions'
import { describeError } from '../../api/describe-error'
import { configQueries } from '../../api/get-config'
import { userQueries } from '../../api/list-users'
import type { ActionSubject } from '../../api/conversation-actions'
import { useUserDirectory } from '../../lib/use-user-directory'
import { actionStore } from './action-store'

export interface ConversationActionsApi {
  /** False while the config is unknown, and on a read-only server: no action is offered. */
  enabled: boolean
  /**
   * Runs an action on one conversation and says how it went (with Undo). `assign` without
   * `assignTo` opens the assign dialog; `assignTo: null` unassigns.
   */
  act: (conversation: ActionSubject, action: ConversationAction, assignTo?: string | null) => void
}

function showFailure(error: unknown, action: ConversationAction) {
  const description =
    error instanceof ActionFailedError
      ? error.description
      : describeError(error, { action: CONVERSATION_ACTIONS[action].failed, scope: CONVERSATION_ACTIONS[action].scope })
  actionStore.showStatus({ tone: 'failed', title: description.title, detail: description.detail })
}

/** The single-conversation actions of the row, the pane and the keys, through the one mutation layer. */
export function useConversationActions(): ConversationActionsApi {
  const queryClient = useQueryClient()
  const { data: config } = useQuery(configQueries.config())
  const users = useQuery(userQueries.list())
  const { userName } = useUserDirectory()
  const locationId = config?.locationId
  const enabled = config !== undefined && !config.readOnly

  const undo = useCallback(
    async (done: DoneAction) => {
      if (locationId === undefined) return
      actionStore.showStatus({ tone: 'busy', title: 'Undoing…' })
      try {
        const activeUserIds = users.data ? new Set(users.data.map((user) => user.id)) : undefined
        await undoConversationAction(queryClient, done, { locationId, activeUserIds, userName })
        actionStore.showStatus({ tone: 'done', title: `Undone: ${CONVERSATION_ACTIONS[done.action].label}` })
      } catch (error) {
        if (error instanceof ActionFailedError) showFailure(error, done.action)
        else actionStore.showStatus({ tone: 'failed', title: 'Cannot undo', detail: error instanceof Error ? error.message : String(error) })
      }
    },
    [locationId, queryClient, userName, users.data],
  )

  const act = useCallback(
    (conversation: ActionSubject, action: ConversationAction, assignTo?: string | null) => {
      if (!enabled || locationId === undefined) return
      if (action === 'assign' && assignTo === undefined) {
        actionStore.openAssign(conversation)
        return
      }
      const title =
        action === 'assign' ? (assignTo ? `Assigned to ${userName(assignTo)}` : 'Unassigned') : CONVERSATION_ACTIONS[action].done
      runConversationAction(queryClient, conversation, action, { locationId, assignTo: assignTo ?? null }).then(
        (done) => actionStore.showStatus({ tone: 'done', title, undo: () => void undo(done) }),
        (error: unknown) => showFailure(error, action),
      )
    },
    [enabled, locationId, queryClient, undo, userName],
  )

  return useMemo(() => ({ enabled, act }), [enabled, act])
}
