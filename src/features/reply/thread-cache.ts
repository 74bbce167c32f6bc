import { useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useMemo } from 'react'
import { moveToTop, patchConversation, type ConversationPatch } from '../../api/conversation-cache'
import { messageQueries, type MessagesPage } from '../../api/list-messages'
import type { Message } from '../../api/schemas/message'
import type { ReplyThreadCallbacks } from './send-reply'

type Thread = InfiniteData<MessagesPage, string | null>

function patchNewestPage(thread: Thread | undefined, patch: (messages: Message[]) => Message[]): Thread | undefined {
  const [first, ...rest] = thread?.pages ?? []
  if (!thread || !first) return thread
  return { ...thread, pages: [{ ...first, messages: patch(first.messages) }, ...rest] }
}

/** What a reply sent makes of its conversation: an outbound, manual last message. */
export function repliedPatch(message: Message, now = Date.now()): ConversationPatch {
  const date = message.dateAdded ? Date.parse(message.dateAdded) : Number.NaN
  const at = Number.isNaN(date) ? now : date
  return {
    lastMessageBody: message.body ?? '',
    lastMessageDate: at,
    lastManualMessageDate: at,
    lastMessageDirection: 'outbound',
    lastMessageType: message.messageType ?? undefined,
    lastOutboundMessageAction: 'manual',
    dateUpdated: at,
  }
}

/**
 * The composer's thread callbacks, wired to the cached message list (`messageQueries.list`), so
 * a reply shows in the pane's thread as "Sending…" at once and then with HighLevel's id. Once
 * sent, the conversation's cached rows take it as their last message and rise to the top of
 * the lists sorted by last message.
 */
export function useReplyThreadUpdates(conversationId: string): Required<ReplyThreadCallbacks> {
  const queryClient = useQueryClient()
  return useMemo(() => {
    const { queryKey } = messageQueries.list(conversationId)
    const update = (patch: (messages: Message[]) => Message[]) =>
      queryClient.setQueryData<Thread>(queryKey, (thread) => patchNewestPage(thread, patch))
    return {
      onSending: (message) => update((messages) => [message, ...messages]),
      onSent: (message, pendingId) => {
        update((messages) => {
          const others = messages.filter((listed) => listed.id !== pendingId && listed.id !== message.id)
          return [message, ...others]
        })
        patchConversation(queryClient, conversationId, repliedPatch(message))
        moveToTop(queryClient, conversationId)
      },
      onSendFailed: (pendingId) => update((messages) => messages.filter((listed) => listed.id !== pendingId)),
    }
  }, [conversationId, queryClient])
}
