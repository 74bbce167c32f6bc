import { MAX_LIMIT, MESSAGE_TYPES } from '../../src/api/schemas/enums'
import { bodyKindOf, isAutomatedType } from './channels'
import type { ConversationRow } from './model'
import { poolsFor, renderBody } from './pools'
import { createRandom, deriveSeed, type Random } from './random'
import type { EmulatorState } from './state'

/** A message as `GET /conversations/{id}/messages` sends it (`dateAdded` is an ISO string there). */
export interface WireMessage {
  id: string
  type: number
  messageType: string
  body: string
  direction: string
  status: string
  contentType: string
  dateAdded: string
  attachments: string[]
  userId?: string
  source?: string
  meta?: Record<string, unknown>
  conversationId: string
  locationId: string
  contactId: string
}

/** The spec numbers message types in its enum's order without TYPE_RCS (1 call, 3 email, 10 voicemail). */
const NUMBERED = MESSAGE_TYPES.filter((type) => type !== 'TYPE_RCS')
export function messageTypeNumber(type: string): number {
  const index = (NUMBERED as readonly string[]).indexOf(type)
  return index >= 0 ? index + 1 : NUMBERED.length + 1
}

/** Histories are generated on first read and kept, so live arrivals can be prepended. */
const histories = new WeakMap<ConversationRow, WireMessage[]>()

export function historyOf(state: EmulatorState, row: ConversationRow): WireMessage[] {
  let history = histories.get(row)
  if (!history) {
    history = generateHistory(state, row)
    histories.set(row, history)
  }
  return history
}

/** Live mode: puts a new message on top of an already generated history. */
export function prependMessage(row: ConversationRow, message: WireMessage): void {
  histories.get(row)?.unshift(message)
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
  const history = historyOf(state, row).filter((message) => !types?.length || types.includes(message.messageType))
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
function generateHistory(state: EmulatorState, row: ConversationRow): WireMessage[] {
  const random = createRandom(deriveSeed(state.seed, `messages/${row.id}`))
  const pools = poolsFor(deriveSeed(state.seed, 'messages'))
  const users = state.stores.find((store) => store.location.id === row.locationId)?.location.users ?? []
  const agent = users.find((user) => user.id === row.assignedTo) ?? users[0]
  const inboundLast = row.lastMessageDirection === 'inbound'
  const history = [
    newMessage(row, random, {
      type: row.lastMessageType,
      body: row.lastMessageBody,
      inbound: inboundLast,
      date: row.lastMessageDate,
      userId: inboundLast ? undefined : agent?.id,
    }),
  ]
  const channel = row.type === 'TYPE_EMAIL' ? 'TYPE_EMAIL' : row.type === 'TYPE_FB_MESSENGER' ? 'TYPE_FACEBOOK' : 'TYPE_SMS'
  const count = Math.floor(random.next() ** 2 * 40)
  let date = row.lastMessageDate
  for (let i = 0; i < count; i++) {
    date -= random.int(30_000, random.chance(0.2) ? 5 * 86_400_000 : 3_600_000)
    if (date < row.dateAdded) break
    const type = random.chance(0.1) ? 'TYPE_CALL' : random.chance(0.05) ? 'TYPE_ACTIVITY_APPOINTMENT' : channel
    const inbound = bodyKindOf(type) !== 'activity' && random.chance(0.5)
    const context = { first: row.firstName || 'there', agent: agent?.firstName ?? 'Sam', company: row.companyName || 'our team' }
    const body = renderBody(bodyKindOf(type), inbound, context, pools, random)
    history.push(newMessage(row, random, { type, body, inbound, date, userId: inbound ? undefined : agent?.id }))
  }
  return history
}
