import { infiniteQueryOptions } from '@tanstack/react-query'
import { getJson } from './http'
import { messageSchema, messagesResponseSchema, type Message } from './schemas/message'
import { conversationKeys } from './query-keys'

const MESSAGES_PAGE_SIZE = 20

export interface MessagesPage {
  /** Newest first, as HighLevel sends them. */
  messages: Message[]
  /** The cursor for older messages; undefined on the last page. */
  nextCursor: string | undefined
  /** Items in the answer that were not valid messages and are not shown. */
  skipped: number
}

/** One page of `GET /conversations/{id}/messages`, older than `lastMessageId` when given. */
export async function listMessages(
  conversationId: string,
  lastMessageId: string | null,
  signal?: AbortSignal,
): Promise<MessagesPage> {
  const params = new URLSearchParams({ limit: String(MESSAGES_PAGE_SIZE) })
  if (lastMessageId) params.set('lastMessageId', lastMessageId)
  const response = await getJson(
    `/api/conversations/${encodeURIComponent(conversationId)}/messages`,
    messagesResponseSchema,
    { params, signal },
  )
  const page = response.messages
  const messages: Message[] = []
  for (const item of page.messages) {
    const parsed = messageSchema.safeParse(item)
    if (parsed.success) messages.push(parsed.data)
  }
  return {
    messages,
    nextCursor: page.nextPage && page.lastMessageId ? page.lastMessageId : undefined,
    skipped: page.messages.length - messages.length,
  }
}

export const messageQueries = {
  list: (conversationId: string) =>
    infiniteQueryOptions({
      queryKey: conversationKeys.messages(conversationId),
      queryFn: ({ pageParam, signal }) => listMessages(conversationId, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage: MessagesPage) => lastPage.nextCursor,
    }),
}
