import { useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useMemo } from 'react'
import { messageQueries, type MessagesPage } from '../../api/list-messages'
import type { Message } from '../../api/schemas/message'
import type { ReplyThreadCallbacks } from './send-reply'

type Thread = InfiniteData<MessagesPage, string | null>

function patchNewestPage(thread: Thread | undefined, patch: (messages: Message[]) => Message[]): Thread | undefined {
  const [first, ...rest] = thread?.pages ?? []
  if (!thread || !first) return thread
  return { ...thread, pages: [{ ...first, messages: patch(first.messages) }, ...rest] }
}

/**
 * The composer's thread callbacks, wired to the cached message list (`messageQueries.list`), so
 * a reply shows in the pane's thread as "Sending…" at once and then with HighLevel's id.
 */
export function useReplyThreadUpdates(conversationId: string): Required<ReplyThreadCallbacks> {
  const queryClient = useQueryClient()
  return useMemo(() => {
    const { queryKey } = messageQueries.list(conversationId)
    const update = (patch: (messages: Message[]) => Message[]) =>
      queryClient.setQueryData<Thread>(queryKey, (thread) => patchNewestPage(thread, patch))
    return {
      onSending: (message) => update((messages) => [message, ...messages]),
      onSent: (message, pendingId) =>
        update((messages) => {
          const others = messages.filter((listed) => listed.id !== pendingId && listed.id !== message.id)
          return [message, ...others]
        }),
      onSendFailed: (pendingId) => update((messages) => messages.filter((listed) => listed.id !== pendingId)),
    }
  }, [conversationId, queryClient])
}
