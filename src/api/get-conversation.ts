import { queryOptions } from '@tanstack/react-query'
import { getJson } from './http'
import { conversationDetailSchema, type ConversationDetail } from './schemas/message'

/** One conversation (`GET /conversations/{id}`): what the preview pane knows when opened by URL. */
export function getConversation(conversationId: string, signal?: AbortSignal): Promise<ConversationDetail> {
  return getJson(`/api/conversations/${encodeURIComponent(conversationId)}`, conversationDetailSchema, { signal })
}

export const conversationDetailQueries = {
  all: () => ['conversation'] as const,
  detail: (conversationId: string) =>
    queryOptions({
      queryKey: [...conversationDetailQueries.all(), conversationId] as const,
      queryFn: ({ signal }) => getConversation(conversationId, signal),
    }),
}
