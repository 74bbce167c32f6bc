import { queryOptions } from '@tanstack/react-query'
import { getJson } from './http'
import { conversationKeys } from './query-keys'
import { conversationDetailSchema, type ConversationDetail } from './schemas/message'

/** One conversation (`GET /conversations/{id}`): what the preview pane knows when opened by URL. */
export function getConversation(conversationId: string, signal?: AbortSignal): Promise<ConversationDetail> {
  return getJson(`/api/conversations/${encodeURIComponent(conversationId)}`, conversationDetailSchema, { signal })
}

export const conversationDetailQueries = {
  detail: (conversationId: string) =>
    queryOptions({
      queryKey: conversationKeys.detail(conversationId),
      queryFn: ({ signal }) => getConversation(conversationId, signal),
    }),
}
