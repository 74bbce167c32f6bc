import type { StoredMessage, WireMessage } from './histories'
import { businessAddress, contactAddress, emailEntry, messageTypeNumber } from './messages'
import type { ConversationRow } from './model'
import { MAX_MESSAGE_LENGTH } from './send-message'
import type { EmulatorState } from './state'

export interface OutsideReplyRequest {
  conversationId?: unknown
  body?: unknown
  userId?: unknown
}

export type OutsideReplyResult =
  | { ok: true; conversationId: string; date: number; message: WireMessage }
  | { ok: false; message: string }

/** The channel a reply written in HighLevel goes out on, as generated histories answer. */
function replyTypeOf(row: ConversationRow): string {
  if (row.type === 'TYPE_EMAIL') return 'TYPE_EMAIL'
  if (row.type === 'TYPE_FB_MESSENGER') return 'TYPE_FACEBOOK'
  return 'TYPE_SMS'
}

/**
 * A reply written in HighLevel itself, not through the app server: by a HighLevel user (`userId`,
 * an active user of the conversation's location), or by a workflow (no `userId`). It lands as
 * HighLevel would put it: on top of the message list, the conversation's last message (outbound,
 * manual for a user, automated for a workflow), `dateUpdated`, at a date after every other. The
 * app server hears nothing of it: no write of its own, so no push event announces it.
 */
export function outsideReply(state: EmulatorState, request: OutsideReplyRequest): OutsideReplyResult {
  if (typeof request.conversationId !== 'string') return { ok: false, message: 'conversationId must be a string' }
  if (typeof request.body !== 'string' || request.body.trim() === '' || request.body.length > MAX_MESSAGE_LENGTH) {
    return { ok: false, message: `body must be a non-empty string of at most ${MAX_MESSAGE_LENGTH} characters` }
  }
  const store = state.stores.find((candidate) => candidate.find(request.conversationId as string))
  const row = store?.find(request.conversationId)
  if (!store || !row) return { ok: false, message: `No conversation ${request.conversationId}` }
  const { userId } = request
  if (userId !== undefined && (typeof userId !== 'string' || !store.location.users.some((user) => user.id === userId && !user.deleted))) {
    return { ok: false, message: 'userId must be the id of an active user of the conversation’s location' }
  }
  const date = Math.max(state.clock(), state.latestDate + 1)
  state.latestDate = date
  const type = replyTypeOf(row)
  const manual = userId !== undefined
  const message: WireMessage = {
    id: state.random.id(),
    type: messageTypeNumber(type),
    messageType: type,
    body: request.body,
    direction: 'outbound',
    status: 'delivered',
    contentType: 'text/plain',
    dateAdded: new Date(date).toISOString(),
    attachments: [],
    ...(manual ? { userId } : {}),
    source: manual ? 'app' : 'workflow',
    conversationId: row.id,
    locationId: row.locationId,
    contactId: row.contactId,
  }
  const entry: StoredMessage =
    type === 'TYPE_EMAIL'
      ? emailEntry(message, { id: state.random.id(), threadId: message.id, subject: '', from: businessAddress(store.location.name), to: [contactAddress(row)] })
      : { message }
  // Before the row changes: a history generated now still ends with the previous last message.
  state.histories.prepend(row, entry)
  store.change(row, {
    lastMessageBody: request.body,
    lastMessageType: type,
    lastMessageDirection: 'outbound',
    lastMessageDate: date,
    ...(manual ? { lastManualMessageDate: date } : {}),
    lastOutboundMessageAction: manual ? 'manual' : 'automated',
    dateUpdated: date,
  })
  return { ok: true, conversationId: row.id, date, message: entry.message }
}
