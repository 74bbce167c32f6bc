import { sendJson } from './send-json'
import { sendMessageResponseSchema, type SendMessageBody, type SendMessageResponse } from './schemas/send'

/**
 * `POST /conversations/messages` (scope `conversations/message.write`): one message to a contact.
 * Not a query and never retried here: whether a failed send may be repeated is the caller's call
 * (see src/features/reply/draft-store.ts).
 */
export function sendMessage(body: SendMessageBody, signal?: AbortSignal): Promise<SendMessageResponse> {
  return sendJson('POST', '/api/conversations/messages', body, sendMessageResponseSchema, { signal })
}

/** The id HighLevel gave the new message: `messageId`, or the first of `messageIds`. */
export function sentMessageId(response: SendMessageResponse): string | undefined {
  return response.messageId ?? response.messageIds?.[0] ?? undefined
}
