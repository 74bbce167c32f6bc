import { z } from 'zod/mini'
import { sendJson } from './send-json'

/** What `PUT /conversations/{id}` may change here: read state (`unreadCount`) and the star. */
export interface ConversationFields {
  unreadCount?: number
  starred?: boolean
}

const updateAnswerSchema = z.looseObject({
  conversation: z.optional(z.looseObject({ unreadCount: z.nullish(z.number()), starred: z.nullish(z.boolean()) })),
})
export type UpdateConversationAnswer = z.infer<typeof updateAnswerSchema>

/**
 * `PUT /conversations/{id}` (scope `conversations.write`). The server pins `locationId`; it is
 * sent anyway, as HighLevel's body requires it. Never retried here: the mutation layer decides.
 */
export function updateConversation(
  conversationId: string,
  locationId: string,
  fields: ConversationFields,
  signal?: AbortSignal,
): Promise<UpdateConversationAnswer> {
  return sendJson('PUT', `/api/conversations/${encodeURIComponent(conversationId)}`, { locationId, ...fields }, updateAnswerSchema, {
    signal,
  })
}
