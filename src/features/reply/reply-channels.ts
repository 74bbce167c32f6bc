import type { Message } from '../../api/schemas/message'
import type { SendType } from '../../api/schemas/send'
import type { TemplateType } from '../../api/schemas/template'
import { CHANNEL_GROUP_INFO, channelGroup, messageTypeLabel, type ChannelGroup } from '../../lib/labels'

/** Who the reply goes to, as far as reaching them goes. */
export interface ReplyContact {
  firstName?: string | null
  lastName?: string | null
  name?: string | null
  email?: string | null
  phone?: string | null
}

interface SendChannel {
  group: ChannelGroup
  /** The message types a customer writes on that this channel answers. */
  answers: readonly string[]
  templates: TemplateType
}

/** The channels in the order the picker lists them; labels come from the shared channel table. */
const SEND_CHANNELS: Readonly<Record<SendType, SendChannel>> = {
  SMS: { group: 'sms', answers: ['TYPE_SMS', 'TYPE_RCS', 'TYPE_SMS_REACTION'], templates: 'sms' },
  Email: { group: 'email', answers: ['TYPE_EMAIL'], templates: 'email' },
  // WhatsApp's own templates are approved message templates, not text to edit: the SMS ones are offered.
  WhatsApp: { group: 'whatsapp', answers: ['TYPE_WHATSAPP'], templates: 'sms' },
  FB: { group: 'facebook', answers: ['TYPE_FACEBOOK'], templates: 'sms' },
  IG: { group: 'instagram', answers: ['TYPE_INSTAGRAM'], templates: 'sms' },
  Live_Chat: { group: 'chat', answers: ['TYPE_LIVE_CHAT', 'TYPE_WEBCHAT'], templates: 'sms' },
}
const CHANNEL_ORDER = Object.keys(SEND_CHANNELS) as SendType[]

/** What the customer may have written on that the endpoint cannot answer: calls, reviews, Google Business, custom providers. */
const UNANSWERABLE_GROUPS: ReadonlySet<ChannelGroup> = new Set(['call', 'reviews', 'google', 'tiktok'])

export function sendChannelLabel(type: SendType): string {
  return CHANNEL_GROUP_INFO[SEND_CHANNELS[type].group].label
}

export function templateTypeFor(type: SendType): TemplateType {
  return SEND_CHANNELS[type].templates
}

type WrittenOn = { answer: SendType } | { elsewhere: string } | undefined

/** The channel a customer's message came in on; undefined for what says nothing (activity, unknown types). */
function writtenOn(messageType: string): WrittenOn {
  const answer = CHANNEL_ORDER.find((type) => SEND_CHANNELS[type].answers.includes(messageType))
  if (answer) return { answer }
  const group = channelGroup(messageType)
  if (messageType.startsWith('TYPE_CUSTOM') || (group && UNANSWERABLE_GROUPS.has(group))) return { elsewhere: messageTypeLabel(messageType) }
  return undefined
}

/** `TYPE_*` names (search) and numbers (`GET /conversations/{id}`) of the conversation's channel. */
const CONVERSATION_CHANNELS: Readonly<Record<string, WrittenOn>> = {
  TYPE_PHONE: { answer: 'SMS' },
  '1': { answer: 'SMS' },
  TYPE_EMAIL: { answer: 'Email' },
  '2': { answer: 'Email' },
  TYPE_FB_MESSENGER: { answer: 'FB' },
  '3': { answer: 'FB' },
  TYPE_REVIEW: { elsewhere: 'Review' },
  '4': { elsewhere: 'Review' },
  TYPE_GROUP_SMS: { elsewhere: 'Group SMS' },
  '5': { elsewhere: 'Group SMS' },
}

export type ReplyTarget =
  /** The composer, on these channels, starting on `defaultChannel`. */
  | { kind: 'channels'; channels: SendType[]; defaultChannel: SendType }
  /** The customer wrote on a channel only HighLevel's app answers; `channels` may still reach them. */
  | { kind: 'elsewhere'; channelLabel: string; channels: SendType[] }
  /** No phone, no email, no conversation on a messaging channel. */
  | { kind: 'unreachable' }

/**
 * Which channels can reach this contact (no phone: no SMS or WhatsApp; no email: no Email;
 * Facebook, Instagram and chat only where the customer has written on them) and which one the
 * reply starts on: the one the customer last wrote on. `messages` are newest first.
 */
export function replyTarget(
  contact: ReplyContact,
  conversationType: string | number | null | undefined,
  messages: readonly Message[],
): ReplyTarget {
  const written = messages
    .filter((message) => message.direction === 'inbound' && message.messageType)
    .map((message) => writtenOn(message.messageType ?? ''))
    .filter((on) => on !== undefined)
  const last = written[0] ?? (conversationType == null ? undefined : CONVERSATION_CHANNELS[String(conversationType)])
  const wroteOn = new Set(written.flatMap((on) => ('answer' in on ? [on.answer] : [])))
  if (last && 'answer' in last) wroteOn.add(last.answer)

  const phone = Boolean(contact.phone?.trim())
  const reachable: Record<SendType, boolean> = {
    SMS: phone,
    WhatsApp: phone,
    Email: Boolean(contact.email?.trim()),
    FB: wroteOn.has('FB'),
    IG: wroteOn.has('IG'),
    Live_Chat: wroteOn.has('Live_Chat'),
  }
  const channels = CHANNEL_ORDER.filter((type) => reachable[type])
  if (last && 'elsewhere' in last) return { kind: 'elsewhere', channelLabel: last.elsewhere, channels }
  const first = channels[0]
  if (!first) return { kind: 'unreachable' }
  const defaultChannel = last && channels.includes(last.answer) ? last.answer : first
  return { kind: 'channels', channels, defaultChannel }
}
