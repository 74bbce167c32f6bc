import {
  CONVERSATION_TYPES,
  MESSAGE_TYPES,
  type ConversationType,
  type Direction,
  type MessageAction,
  type MessageType,
  type SortBy,
  type SortOrder,
  type Status,
} from '../api/schemas/enums'

/**
 * People's words (and icons) for every HighLevel value the app shows: message types (the 42
 * `lastMessageType` values, grouped as channels), conversation types, directions, message
 * actions, statuses and sort orders. The one table rows, the pane, the filters, the chips and
 * the empty states read, so the same value always reads the same.
 */

export const CHANNEL_GROUPS = [
  'sms',
  'email',
  'call',
  'facebook',
  'instagram',
  'whatsapp',
  'tiktok',
  'google',
  'reviews',
  'chat',
  'campaigns',
  'activity',
  'internal',
] as const
export type ChannelGroup = (typeof CHANNEL_GROUPS)[number]

interface ChannelGroupInfo {
  label: string
  /** One or more SVG path strings for a 24×24, stroke-drawn icon. */
  icon: readonly string[]
}

export const CHANNEL_GROUP_INFO: Record<ChannelGroup, ChannelGroupInfo> = {
  sms: { label: 'SMS', icon: ['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z'] },
  email: { label: 'Email', icon: ['M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z', 'M22 6l-10 7L2 6'] },
  call: {
    label: 'Calls',
    icon: [
      'M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8.1 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z',
    ],
  },
  facebook: { label: 'Facebook', icon: ['M18 2h-3a5 5 0 0 0-5 5v3H7v4h3v8h4v-8h3l1-4h-4V7a1 1 0 0 1 1-1h3z'] },
  instagram: {
    label: 'Instagram',
    icon: ['M7 2h10a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5H7a5 5 0 0 1-5-5V7a5 5 0 0 1 5-5z', 'M16 11.4A4 4 0 1 1 12.6 8 4 4 0 0 1 16 11.4z', 'M17.5 6.5h.01'],
  },
  whatsapp: {
    label: 'WhatsApp',
    icon: ['M21 11.5a8.4 8.4 0 0 1-.9 3.8 8.5 8.5 0 0 1-7.6 4.7 8.4 8.4 0 0 1-3.8-.9L3 21l1.9-5.7a8.4 8.4 0 0 1-.9-3.8 8.5 8.5 0 0 1 4.7-7.6 8.4 8.4 0 0 1 3.8-.9h.5a8.5 8.5 0 0 1 8 8z'],
  },
  tiktok: { label: 'TikTok', icon: ['M9 18V5l12-2v13', 'M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0z', 'M21 16a3 3 0 1 1-6 0 3 3 0 0 1 6 0z'] },
  google: { label: 'Google Business', icon: ['M21 10c0 7-9 13-9 13s-9-6-9-13a9 9 0 0 1 18 0z', 'M15 10a3 3 0 1 1-6 0 3 3 0 0 1 6 0z'] },
  reviews: { label: 'Reviews', icon: ['M12 2l3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2-6.2 3.2L7 14.2 2 9.3l6.9-1z'] },
  chat: {
    label: 'Live chat',
    icon: ['M14 9a2 2 0 0 1-2 2H6l-4 4V4a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2z', 'M18 9h2a2 2 0 0 1 2 2v11l-4-4h-6a2 2 0 0 1-2-2v-1'],
  },
  campaigns: { label: 'Campaigns', icon: ['M22 2L11 13', 'M22 2l-7 20-4-9-9-4z'] },
  activity: { label: 'Activity', icon: ['M22 12h-4l-3 9L9 3l-3 9H2'] },
  internal: { label: 'Internal', icon: ['M12 20h9', 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z'] },
}

const CHANNELS: Record<MessageType, { label: string; group: ChannelGroup }> = {
  TYPE_SMS: { label: 'SMS', group: 'sms' },
  TYPE_RCS: { label: 'RCS', group: 'sms' },
  TYPE_CUSTOM_SMS: { label: 'Custom SMS', group: 'sms' },
  TYPE_CUSTOM_PROVIDER_SMS: { label: 'SMS (custom provider)', group: 'sms' },
  TYPE_SMS_NO_SHOW_REQUEST: { label: 'No-show SMS', group: 'sms' },
  TYPE_SMS_REACTION: { label: 'SMS reaction', group: 'sms' },
  TYPE_EMAIL: { label: 'Email', group: 'email' },
  TYPE_CUSTOM_EMAIL: { label: 'Custom email', group: 'email' },
  TYPE_CUSTOM_PROVIDER_EMAIL: { label: 'Email (custom provider)', group: 'email' },
  TYPE_CALL: { label: 'Call', group: 'call' },
  TYPE_IVR_CALL: { label: 'IVR call', group: 'call' },
  TYPE_CUSTOM_CALL: { label: 'Custom call', group: 'call' },
  TYPE_FACEBOOK: { label: 'Facebook Messenger', group: 'facebook' },
  TYPE_FACEBOOK_COMMENT: { label: 'Facebook comment', group: 'facebook' },
  TYPE_INSTAGRAM: { label: 'Instagram DM', group: 'instagram' },
  TYPE_INSTAGRAM_COMMENT: { label: 'Instagram comment', group: 'instagram' },
  TYPE_WHATSAPP: { label: 'WhatsApp', group: 'whatsapp' },
  TYPE_TIKTOK: { label: 'TikTok message', group: 'tiktok' },
  TYPE_TIKTOK_COMMENT: { label: 'TikTok comment', group: 'tiktok' },
  TYPE_GMB: { label: 'Google Business message', group: 'google' },
  TYPE_REVIEW: { label: 'Review', group: 'reviews' },
  TYPE_SMS_REVIEW_REQUEST: { label: 'Review request (SMS)', group: 'reviews' },
  TYPE_LIVE_CHAT: { label: 'Live chat', group: 'chat' },
  TYPE_LIVE_CHAT_INFO_MESSAGE: { label: 'Live chat info', group: 'chat' },
  TYPE_WEBCHAT: { label: 'Web chat', group: 'chat' },
  TYPE_CAMPAIGN_SMS: { label: 'Campaign SMS', group: 'campaigns' },
  TYPE_CAMPAIGN_MANUAL_SMS: { label: 'Campaign manual SMS', group: 'campaigns' },
  TYPE_CAMPAIGN_EMAIL: { label: 'Campaign email', group: 'campaigns' },
  TYPE_CAMPAIGN_CALL: { label: 'Campaign call', group: 'campaigns' },
  TYPE_CAMPAIGN_MANUAL_CALL: { label: 'Campaign manual call', group: 'campaigns' },
  TYPE_CAMPAIGN_VOICEMAIL: { label: 'Campaign voicemail', group: 'campaigns' },
  TYPE_CAMPAIGN_FACEBOOK: { label: 'Campaign Facebook', group: 'campaigns' },
  TYPE_CAMPAIGN_GMB: { label: 'Campaign Google Business', group: 'campaigns' },
  TYPE_ACTIVITY_CONTACT: { label: 'Contact activity', group: 'activity' },
  TYPE_ACTIVITY_APPOINTMENT: { label: 'Appointment', group: 'activity' },
  TYPE_ACTIVITY_OPPORTUNITY: { label: 'Opportunity', group: 'activity' },
  TYPE_ACTIVITY_INVOICE: { label: 'Invoice', group: 'activity' },
  TYPE_ACTIVITY_PAYMENT: { label: 'Payment', group: 'activity' },
  TYPE_ACTIVITY_WHATSAPP: { label: 'WhatsApp activity', group: 'activity' },
  TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG: { label: 'Team action log', group: 'activity' },
  TYPE_FORM_SUBMISSION: { label: 'Form submission', group: 'activity' },
  TYPE_INTERNAL_COMMENT: { label: 'Internal comment', group: 'internal' },
}

export function isMessageType(value: string): value is MessageType {
  return Object.hasOwn(CHANNELS, value)
}

/** A value HighLevel added after this table was written, in readable words: `TYPE_CARRIER_PIGEON` → `carrier pigeon`. */
function unknownValue(value: string): string {
  return value.replace(/^TYPE_/, '').replaceAll('_', ' ').toLowerCase()
}

/** A person's name for a message type; unknown values (HighLevel adds some) read as themselves. */
export function messageTypeLabel(type: string | null | undefined): string {
  if (!type) return 'Message'
  return isMessageType(type) ? CHANNELS[type].label : unknownValue(type)
}

/** The icon of a message type's channel group; undefined for a value the app does not know. */
export function messageTypeIcon(type: string): readonly string[] | undefined {
  const group = channelGroup(type)
  return group ? CHANNEL_GROUP_INFO[group].icon : undefined
}

/** The group a message type belongs to, or undefined for a value the app does not know. */
export function channelGroup(type: string): ChannelGroup | undefined {
  return isMessageType(type) ? CHANNELS[type].group : undefined
}

/** Groups in display order, each with its message types in the enum's order. */
export const CHANNEL_OPTIONS = CHANNEL_GROUPS.map((group) => ({
  group,
  label: CHANNEL_GROUP_INFO[group].label,
  types: MESSAGE_TYPES.filter((type) => CHANNELS[type].group === group).map((type) => ({
    value: type,
    label: CHANNELS[type].label,
  })),
}))

/** A conversation's primary channel. `GET /conversations/{id}` numbers it (1–6); search results name it. */
const CONVERSATION_TYPE_LABELS: Record<ConversationType, string> = {
  TYPE_PHONE: 'Phone',
  TYPE_EMAIL: 'Email',
  TYPE_FB_MESSENGER: 'Facebook Messenger',
  TYPE_REVIEW: 'Review',
  TYPE_GROUP_SMS: 'Group SMS',
}
const CONVERSATION_TYPE_BY_NUMBER: Readonly<Record<string, string>> = {
  ...Object.fromEntries(CONVERSATION_TYPES.map((type, index) => [String(index + 1), CONVERSATION_TYPE_LABELS[type]])),
  '6': 'Internal chat',
}

/** A conversation type, by name or by number; undefined when there is none. */
export function conversationTypeLabel(type: string | number | null | undefined): string | undefined {
  if (type === null || type === undefined || type === '') return undefined
  const key = String(type)
  if (Object.hasOwn(CONVERSATION_TYPE_LABELS, key)) return CONVERSATION_TYPE_LABELS[key as ConversationType]
  return CONVERSATION_TYPE_BY_NUMBER[key] ?? unknownValue(key)
}

export const STATUS_LABELS: Record<Status, string> = {
  all: 'All',
  unread: 'Unread',
  read: 'Read',
  starred: 'Starred',
  recents: 'Recents',
}

/** A direction: its filter word, what a row and a message say of it, and its arrow. */
export const DIRECTIONS_SHOWN: Record<Direction, { label: string; spoken: string; icon: readonly string[] }> = {
  inbound: { label: 'Inbound', spoken: 'Received', icon: ['M17 7 7 17', 'M7 8v9h9'] },
  outbound: { label: 'Outbound', spoken: 'Sent', icon: ['M7 17 17 7', 'M8 7h9v9'] },
}

/** Who sent the last outbound message: its filter word, a row's short badge, and its icon. */
export const MESSAGE_ACTIONS_SHOWN: Record<MessageAction, { label: string; short: string; icon: readonly string[] }> = {
  automated: {
    label: 'Automated',
    short: 'Auto',
    icon: ['M8 8.5h8a3 3 0 0 1 3 3V17a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-5.5a3 3 0 0 1 3-3Zm4 0V5m-2.5 8v1m5-1v1M12 5h.01'],
  },
  manual: { label: 'Manual', short: 'Manual', icon: ['M12 11.5a3.75 3.75 0 1 0 0-7.5 3.75 3.75 0 0 0 0 7.5ZM4.5 20a7.5 7.5 0 0 1 15 0'] },
}

/** Drawn for a channel the app does not know. */
export const OTHER_CHANNEL_ICON: readonly string[] = ['M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM8 12h.01M12 12h.01M16 12h.01']

export const SORT_BY_LABELS: Record<SortBy, string> = {
  last_message_date: 'Last message',
  last_manual_message_date: 'Last manual message',
  score_profile: 'Score profile',
}

export const SORT_ORDER_LABELS: Record<SortOrder, string> = {
  desc: 'Newest first',
  asc: 'Oldest first',
}

/** Sort order labels when sorting by score, where "newest" makes no sense. */
export const SCORE_SORT_ORDER_LABELS: Record<SortOrder, string> = {
  desc: 'Highest first',
  asc: 'Lowest first',
}

export const UNASSIGNED_LABEL = 'Unassigned'

/** A row's channel: its last message's type, else (no message yet) the conversation's own type. */
export function conversationChannel(conversation: {
  lastMessageType?: string | null
  type?: string | null
}): { label: string; icon: readonly string[] } {
  const type = conversation.lastMessageType
  if (type) return { label: messageTypeLabel(type), icon: messageTypeIcon(type) ?? OTHER_CHANNEL_ICON }
  return { label: conversationTypeLabel(conversation.type) ?? 'Other', icon: OTHER_CHANNEL_ICON }
}
