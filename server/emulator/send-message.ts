import type { ConversationType } from '../../src/api/schemas/enums'
import type { EmailDetails, StoredMessage, WireMessage } from './histories'
import { businessAddress, contactAddress, emailEntry, messageTypeNumber } from './messages'
import type { ConversationRow } from './model'
import { BodyCheck, readJsonObject } from './request-body'
import { json, unprocessable } from './responses'
import type { EmulatorState } from './state'
import type { LocationStore } from './store'

/** `SendMessageBodyDto.type`, as the spec lists it. */
export const SEND_TYPES = ['SMS', 'RCS', 'Email', 'WhatsApp', 'IG', 'FB', 'Custom', 'Live_Chat', 'TIKTOK'] as const
type SendType = (typeof SEND_TYPES)[number]

interface Channel {
  messageType: string
  /** The conversation a send lands in, when the contact has several. */
  conversationType: ConversationType
  /** The contact detail the channel needs. */
  needs?: 'phone' | 'email'
}

/** The channels the emulator sends on; RCS, Custom (a provider's) and TikTok are refused. */
const CHANNELS: Partial<Record<SendType, Channel>> = {
  SMS: { messageType: 'TYPE_SMS', conversationType: 'TYPE_PHONE', needs: 'phone' },
  WhatsApp: { messageType: 'TYPE_WHATSAPP', conversationType: 'TYPE_PHONE', needs: 'phone' },
  Email: { messageType: 'TYPE_EMAIL', conversationType: 'TYPE_EMAIL', needs: 'email' },
  FB: { messageType: 'TYPE_FACEBOOK', conversationType: 'TYPE_FB_MESSENGER' },
  IG: { messageType: 'TYPE_INSTAGRAM', conversationType: 'TYPE_FB_MESSENGER' },
  Live_Chat: { messageType: 'TYPE_LIVE_CHAT', conversationType: 'TYPE_PHONE' },
}

/** Every property of `SendMessageBodyDto`; those not read below are accepted and ignored. */
const FIELDS = [
  'type', 'subType', 'contactId', 'appointmentId', 'attachments', 'emailFrom', 'emailCc', 'emailBcc', 'html', 'message',
  'subject', 'replyMessageId', 'templateId', 'threadId', 'scheduledTimestamp', 'conversationProviderId', 'emailTo',
  'customSubtypeId', 'emailReplyMode', 'fromNumber', 'toNumber', 'forward', 'status', 'usesNativeSchedulingAi',
  'optimizationPeriod',
]

/** Bounds that keep the emulator's memory bounded; the app server's are tighter. */
export const MAX_MESSAGE_LENGTH = 65_536
export const MAX_HTML_LENGTH = 262_144

export interface Send {
  type: SendType
  contactId: string
  channel: Channel
  body: string
  html: boolean
  subject: string
  attachments: string[]
  replyMessageId?: string
  threadId?: string
  emailTo?: string
  emailCc?: string[]
  emailBcc?: string[]
}

/** The body checked in class-validator's words; `subType` and `status` are not required (HighLevel's examples send neither). */
export async function readSend(request: Request): Promise<Send | Response> {
  const body = await readJsonObject(request)
  if (body instanceof Response) return body
  const check = new BodyCheck(body, FIELDS)
  const type = check.oneOf('type', SEND_TYPES, { required: true })
  const contactId = check.string('contactId', { required: true })
  const message = check.string('message', { maxLength: MAX_MESSAGE_LENGTH })
  const html = check.string('html', { maxLength: MAX_HTML_LENGTH })
  const subject = check.string('subject', { maxLength: 1000 })
  const replyMessageId = check.string('replyMessageId')
  const threadId = check.string('threadId')
  const emailTo = check.string('emailTo')
  const attachments = check.strings('attachments')
  const emailCc = check.strings('emailCc')
  const emailBcc = check.strings('emailBcc')
  for (const name of ['templateId', 'appointmentId', 'emailFrom', 'conversationProviderId', 'fromNumber', 'toNumber']) check.string(name)
  check.oneOf('status', ['delivered', 'failed', 'pending', 'read'])
  // Passed checks mean both required fields are there; the test narrows their types.
  if (!check.ok || type === undefined || typeof contactId !== 'string') return unprocessable(check.messages)
  const channel = CHANNELS[type]
  if (!channel) return unprocessable([`type ${type} cannot be sent through the emulator`])
  const text = type === 'Email' ? html || message : message
  if (!text) return unprocessable(['message should not be empty'])
  return {
    type,
    contactId,
    channel,
    body: text,
    html: type === 'Email' && Boolean(html),
    subject: subject ?? '',
    attachments: attachments ?? [],
    ...(replyMessageId ? { replyMessageId } : {}),
    ...(threadId ? { threadId } : {}),
    ...(emailTo ? { emailTo } : {}),
    ...(emailCc ? { emailCc } : {}),
    ...(emailBcc ? { emailBcc } : {}),
  }
}

/**
 * `POST /conversations/messages`: the message goes on top of the conversation's history, and the
 * conversation takes it as its last message (outbound, manual, now: the top of `last_message_date`).
 * Answers `{ conversationId, messageId, emailMessageId? (Email), status }`.
 */
export function sendMessage(state: EmulatorState, store: LocationStore, contactRows: readonly ConversationRow[], send: Send): Response {
  const [contact] = contactRows
  if (!contact) return unprocessable(['contactId should not be empty'])
  if (send.channel.needs === 'phone' && !contact.phone) return unprocessable(['The contact has no phone number'])
  if (send.channel.needs === 'email' && !contact.email && !send.emailTo) return unprocessable(['The contact has no email address'])
  const row = conversationFor(state, contactRows, send)
  const date = Math.max(state.clock(), state.latestDate + 1)
  state.latestDate = date
  const message: WireMessage = {
    id: state.random.id(),
    type: messageTypeNumber(send.channel.messageType),
    messageType: send.channel.messageType,
    body: send.body,
    direction: 'outbound',
    status: 'delivered',
    contentType: send.html ? 'text/html' : 'text/plain',
    dateAdded: new Date(date).toISOString(),
    attachments: send.attachments,
    source: 'api',
    conversationId: row.id,
    locationId: row.locationId,
    contactId: row.contactId,
  }
  const entry: StoredMessage = send.type === 'Email' ? emailEntry(message, emailOf(send, row, message, store, state.random.id())) : { message }
  // Before the row changes: a history generated now still ends with the previous last message.
  state.histories.prepend(row, entry)
  store.change(row, {
    lastMessageBody: send.body,
    lastMessageType: send.channel.messageType,
    lastMessageDirection: 'outbound',
    lastMessageDate: date,
    lastManualMessageDate: date,
    lastOutboundMessageAction: 'manual',
    dateUpdated: date,
  })
  return json({
    conversationId: row.id,
    messageId: message.id,
    ...(entry.email ? { emailMessageId: entry.email.id } : {}),
    status: message.status,
  })
}

function emailOf(send: Send, row: ConversationRow, message: WireMessage, store: LocationStore, id: string): EmailDetails {
  return {
    id,
    threadId: send.threadId ?? message.id,
    subject: send.subject,
    from: businessAddress(store.location.name),
    to: [send.emailTo ?? contactAddress(row)],
    ...(send.emailCc ? { cc: send.emailCc } : {}),
    ...(send.emailBcc ? { bcc: send.emailBcc } : {}),
    ...(send.replyMessageId ? { replyToMessageId: send.replyMessageId } : {}),
  }
}

/**
 * The conversation a send lands in: the thread's (`threadId`/`replyMessageId` naming a kept message or
 * email of this contact), else the contact's latest on the channel's conversation type, else its latest.
 * Every known contact has a conversation, so none is created.
 */
function conversationFor(state: EmulatorState, rows: readonly ConversationRow[], send: Send): ConversationRow {
  for (const id of [send.threadId, send.replyMessageId]) {
    if (id === undefined) continue
    const row = state.histories.conversationOfMessage(id) ?? state.histories.email(id)?.row
    if (row && rows.includes(row)) return row
  }
  const latest = (candidates: readonly ConversationRow[]) =>
    candidates.reduce<ConversationRow | undefined>((best, row) => (best === undefined || row.lastMessageDate > best.lastMessageDate ? row : best), undefined)
  return latest(rows.filter((row) => row.type === send.channel.conversationType)) ?? (latest(rows) as ConversationRow)
}
