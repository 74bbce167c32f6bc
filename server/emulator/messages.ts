import { MAX_LIMIT, MESSAGE_TYPES } from '../../src/api/schemas/enums'
import { bodyKindOf, isAutomatedType } from './channels'
import type { ConversationRow } from './model'
import type { EmailDetails, StoredMessage, WireMessage } from './histories'
import { poolsFor, renderBody, renderSubject, type BodyContext } from './pools'
import { createRandom, deriveSeed, type Random } from './random'
import type { EmulatorState } from './state'

/** The spec numbers message types in its enum's order without TYPE_RCS (1 call, 3 email, 10 voicemail). */
const NUMBERED = MESSAGE_TYPES.filter((type) => type !== 'TYPE_RCS')
export function messageTypeNumber(type: string): number {
  const index = (NUMBERED as readonly string[]).indexOf(type)
  return index >= 0 ? index + 1 : NUMBERED.length + 1
}

/** The conversation's messages, newest first (generated on first read, see `Histories`). */
export function historyOf(state: EmulatorState, row: ConversationRow): readonly StoredMessage[] {
  return state.histories.of(row)
}

export type MessagesResult =
  | { ok: true; page: { lastMessageId: string; nextPage: boolean; messages: WireMessage[] } }
  | { ok: false; messages: string[] }

/** Newest first; the next page starts after `lastMessageId`. */
export function listMessages(state: EmulatorState, row: ConversationRow, query: URLSearchParams): MessagesResult {
  const limitText = query.get('limit')
  const limit = limitText === null || limitText === '' ? 20 : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return { ok: false, messages: [`limit must be an integer from 1 to ${MAX_LIMIT}`] }
  }
  const types = query.get('type')?.split(',').filter(Boolean)
  const history = historyOf(state, row)
    .map((entry) => entry.message)
    .filter((message) => !types?.length || types.includes(message.messageType))
  const after = query.get('lastMessageId')
  let start = 0
  if (after) {
    const position = history.findIndex((message) => message.id === after)
    if (position < 0) return { ok: false, messages: ['lastMessageId must be the id of a message of this conversation'] }
    start = position + 1
  }
  const messages = history.slice(start, start + limit)
  return {
    ok: true,
    page: { lastMessageId: messages.at(-1)?.id ?? '', nextPage: start + limit < history.length, messages },
  }
}

export function newMessage(
  row: ConversationRow,
  random: Random,
  fields: { type: string; body: string; inbound: boolean; date: number; userId?: string },
): WireMessage {
  const kind = bodyKindOf(fields.type)
  const call = kind === 'empty'
  return {
    id: random.id(),
    type: messageTypeNumber(fields.type),
    messageType: fields.type,
    body: fields.body,
    direction: fields.inbound ? 'inbound' : 'outbound',
    status: call ? (random.chance(0.8) ? 'connected' : 'failed') : fields.inbound ? 'delivered' : random.pick(['sent', 'delivered', 'read']),
    contentType: kind === 'email' ? 'text/html' : 'text/plain',
    dateAdded: new Date(fields.date).toISOString(),
    attachments: !call && random.chance(0.05) ? [`https://storage.example.com/attachments/${random.id()}.jpg`] : [],
    ...(fields.userId === undefined ? {} : { userId: fields.userId }),
    ...(fields.inbound ? {} : { source: isAutomatedType(fields.type) ? 'workflow' : 'app' }),
    ...(call ? { meta: { callDuration: String(random.int(0, 900)), callStatus: random.pick(['completed', 'no-answer', 'voicemail']) } } : {}),
    conversationId: row.id,
    locationId: row.locationId,
    contactId: row.contactId,
  }
}

/** The last message is the row's own; older ones follow the conversation's channel back to `dateAdded`. */
export function generateHistory(state: EmulatorState, row: ConversationRow): StoredMessage[] {
  const random = createRandom(deriveSeed(state.seed, `messages/${row.id}`))
  const pools = poolsFor(deriveSeed(state.seed, 'messages'))
  const location = state.stores.find((store) => store.location.id === row.locationId)?.location
  const users = location?.users ?? []
  const agent = users.find((user) => user.id === row.assignedTo) ?? users[0]
  const context: BodyContext = { first: row.firstName || 'there', agent: agent?.firstName ?? 'Sam', company: row.companyName || 'our team' }
  const business = businessAddress(location?.name ?? 'Our team')
  const entryOf = (message: WireMessage): StoredMessage => {
    if (bodyKindOf(message.messageType) !== 'email') return { message }
    const inbound = message.direction === 'inbound'
    return emailEntry(message, {
      id: random.id(),
      threadId: message.id,
      subject: renderSubject(inbound, context, pools, random),
      from: inbound ? contactAddress(row) : business,
      to: [inbound ? business : contactAddress(row)],
    })
  }
  const inboundLast = row.lastMessageDirection === 'inbound'
  const history = [
    entryOf(
      newMessage(row, random, {
        type: row.lastMessageType,
        body: row.lastMessageBody,
        inbound: inboundLast,
        date: row.lastMessageDate,
        userId: inboundLast ? undefined : agent?.id,
      }),
    ),
  ]
  const channel = row.type === 'TYPE_EMAIL' ? 'TYPE_EMAIL' : row.type === 'TYPE_FB_MESSENGER' ? 'TYPE_FACEBOOK' : 'TYPE_SMS'
  const count = Math.floor(random.next() ** 2 * 40)
  let date = row.lastMessageDate
  for (let i = 0; i < count; i++) {
    date -= random.int(30_000, random.chance(0.2) ? 5 * 86_400_000 : 3_600_000)
    if (date < row.dateAdded) break
    const type = random.chance(0.1) ? 'TYPE_CALL' : random.chance(0.05) ? 'TYPE_ACTIVITY_APPOINTMENT' : channel
    const inbound = bodyKindOf(type) !== 'activity' && random.chance(0.5)
    const body = renderBody(bodyKindOf(type), inbound, context, pools, random)
    history.push(entryOf(newMessage(row, random, { type, body, inbound, date, userId: inbound ? undefined : agent?.id })))
  }
  return history
}

/** An email message: the list carries its email id in `meta.email.messageIds`, the details stay beside it. */
export function emailEntry(message: WireMessage, email: EmailDetails): StoredMessage {
  return { message: { ...message, meta: { email: { messageIds: [email.id] } } }, email }
}

/** `Name <address>`, as email headers write it. */
export function contactAddress(row: ConversationRow): string {
  const name = row.fullName || row.contactName
  return name && name !== row.email ? `${name} <${row.email}>` : row.email
}

/** The location's own sending address. */
export function businessAddress(locationName: string): string {
  const slug = locationName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'inbox'
  return `${locationName} <hello@${slug}.example.com>`
}
