import type { ConversationType } from '../../src/api/schemas/enums'
import { CONVERSATION_TYPE_NUMBERS } from './channels'
import { isRecord } from './fixtures'
import type { FoundEmail } from './histories'
import type { ConversationRow, EmulatorUser } from './model'

/** A search result as the live API sends it: the spec's 11 fields plus the live extras. */
export function conversationWire(row: ConversationRow, sort: number[]): unknown {
  // Fixture items go out as written (malformed values included) until live mode changes them.
  const raw = isRecord(row.raw) ? row.raw : undefined
  if (row.raw !== undefined && !row.changed) return raw ? { ...raw, sort } : row.raw
  return {
    ...raw,
    id: row.id,
    contactId: row.contactId,
    locationId: row.locationId,
    lastMessageBody: row.lastMessageBody,
    lastMessageType: row.lastMessageType,
    type: row.type,
    unreadCount: row.unreadCount,
    fullName: row.fullName,
    contactName: row.contactName,
    email: row.email,
    phone: row.phone,
    ...(row.companyName ? { companyName: row.companyName } : {}),
    dateAdded: row.dateAdded,
    dateUpdated: row.dateUpdated,
    lastMessageDate: row.lastMessageDate,
    ...(row.lastManualMessageDate === undefined ? {} : { lastManualMessageDate: row.lastManualMessageDate }),
    lastMessageDirection: row.lastMessageDirection,
    ...(row.lastOutboundMessageAction === undefined ? {} : { lastOutboundMessageAction: row.lastOutboundMessageAction }),
    isLastMessageInternalComment: row.lastMessageType === 'TYPE_INTERNAL_COMMENT',
    inbox: true,
    deleted: false,
    ...(row.assignedTo === undefined ? {} : { assignedTo: row.assignedTo }),
    followers: row.followers,
    tags: row.tags,
    starred: row.starred,
    scoring: row.scoring,
    attributed: false,
    sort,
  }
}

/** `GET /conversations/{id}`: the spec's shape, where `type` is a number. */
export function conversationByIdWire(row: ConversationRow): Record<string, unknown> {
  return {
    id: row.id,
    contactId: row.contactId,
    locationId: row.locationId,
    ...(row.assignedTo === undefined ? {} : { assignedTo: row.assignedTo }),
    starred: row.starred,
    unreadCount: row.unreadCount,
    inbox: true,
    deleted: false,
    type: CONVERSATION_TYPE_NUMBERS[row.type as ConversationType] ?? 1,
    fullName: row.fullName,
    contactName: row.contactName,
    email: row.email,
    phone: row.phone,
    lastMessageDate: row.lastMessageDate,
    lastMessageType: row.lastMessageType,
    lastMessageBody: row.lastMessageBody,
    dateAdded: row.dateAdded,
    dateUpdated: row.dateUpdated,
  }
}

export function userWire(user: EmulatorUser, locationId: string): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    phone: user.phone,
    extension: '',
    roles: { type: 'account', role: user.role, locationIds: [locationId] },
    deleted: user.deleted,
  }
}

/** A contact (`GetContectByIdSchema`) from its conversations, which carry its details. */
export function contactWire(rows: readonly ConversationRow[], dateUpdated: number): Record<string, unknown> {
  const [first] = rows
  if (!first) return {}
  const [, ...rest] = first.fullName.split(' ')
  return {
    id: first.contactId,
    locationId: first.locationId,
    name: first.fullName,
    firstName: first.firstName,
    lastName: rest.join(' '),
    email: first.email,
    emailLowerCase: first.email.toLowerCase(),
    phone: first.phone,
    companyName: first.companyName,
    type: 'lead',
    dnd: false,
    assignedTo: first.assignedTo ?? null,
    tags: first.tags,
    dateAdded: new Date(Math.min(...rows.map((row) => row.dateAdded))).toISOString(),
    dateUpdated: new Date(dateUpdated).toISOString(),
  }
}

/** `GET /conversations/messages/email/{id}` (`GetEmailMessageResponseDto`): the email with its subject and addresses. */
export function emailWire({ entry }: FoundEmail): Record<string, unknown> {
  const { message, email } = entry
  return {
    id: email.id,
    threadId: email.threadId,
    locationId: message.locationId,
    contactId: message.contactId,
    conversationId: message.conversationId,
    dateAdded: message.dateAdded,
    subject: email.subject,
    body: message.body,
    direction: message.direction,
    status: message.status,
    contentType: message.contentType,
    attachments: message.attachments,
    provider: 'Leadconnector Gmail',
    from: email.from,
    to: email.to,
    ...(email.cc ? { cc: email.cc } : {}),
    ...(email.bcc ? { bcc: email.bcc } : {}),
    ...(email.replyToMessageId ? { replyToMessageId: email.replyToMessageId } : {}),
    ...(message.source ? { source: message.source } : {}),
  }
}
