import { messageTypeFor, SEND_TYPES, type SendType } from '../../src/api/schemas/send.ts'
import type { ConversationFields, PushEvent } from '../../src/lib/push-events.ts'
import type { CompletedWrite } from '../proxy/forward.ts'
import type { WriteTarget } from '../proxy/shared-read.ts'

/**
 * What a write HighLevel accepted changes, in the two forms the server passes on: the fields to
 * lay over search answers (the shared read's overlay) and the events for open inboxes (the hub).
 */
export interface WriteEffects {
  target: WriteTarget
  fields: ConversationFields
  events: PushEvent[]
}

const isSendType = (value: unknown): value is SendType => SEND_TYPES.some((type) => type === value)
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/** `PUT /conversations/{id}` (read/unread, star), `PUT /contacts/{id}` (assign), `POST /conversations/messages` (reply). */
export function effectsOf(write: CompletedWrite, now: number): WriteEffects | undefined {
  const by = write.by === undefined ? {} : { by: write.by }
  const { body } = write
  if (write.method === 'PUT' && write.member === 'conversation' && write.id !== undefined) {
    const fields: ConversationFields = {}
    if (typeof body.unreadCount === 'number') fields.unreadCount = body.unreadCount
    if (typeof body.starred === 'boolean') fields.starred = body.starred
    return { target: { conversationId: write.id }, fields, events: [{ type: 'conversation', patch: { id: write.id, ...fields }, ...by }] }
  }
  if (write.method === 'PUT' && write.member === 'contact' && write.id !== undefined) {
    const assignedTo = typeof body.assignedTo === 'string' ? body.assignedTo : null
    return { target: { contactId: write.id }, fields: { assignedTo }, events: [{ type: 'contact', patch: { contactId: write.id, assignedTo }, ...by }] }
  }
  if (write.method === 'POST' && isSendType(body.type)) {
    const answer = typeof write.answer === 'object' && write.answer !== null ? (write.answer as Record<string, unknown>) : {}
    const conversationId = text(answer.conversationId)
    const messageId = text(answer.messageId)
    if (conversationId === undefined || messageId === undefined) return undefined
    const messageType = messageTypeFor(body.type)
    const message = text(body.message)
    const fields: ConversationFields = {
      lastMessageType: messageType,
      lastMessageDate: now,
      lastMessageDirection: 'outbound',
      dateUpdated: now,
    }
    if (message !== undefined) fields.lastMessageBody = message
    return {
      target: { conversationId },
      fields,
      events: [
        {
          type: 'message',
          message: { id: messageId, conversationId, direction: 'outbound', messageType, dateAdded: now, ...(message === undefined ? {} : { body: message }) },
          ...by,
        },
        { type: 'conversation', patch: { id: conversationId, ...fields }, ...by },
      ],
    }
  }
  return undefined
}
