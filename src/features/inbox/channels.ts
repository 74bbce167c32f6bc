import type { Conversation } from '../../api/schemas/conversation'
import type { ConversationType, MessageType } from '../../api/schemas/enums'
import type { IconName } from './icons'

/**
 * The channel a row shows, from its last message's type.
 * Local until the shared option module (labels and icons for filters and columns) lands.
 */
export interface Channel {
  label: string
  icon: IconName
}

const MESSAGE_CHANNELS: Record<MessageType, Channel> = {
  TYPE_CALL: { label: 'Call', icon: 'phone' },
  TYPE_SMS: { label: 'SMS', icon: 'chat' },
  TYPE_RCS: { label: 'RCS', icon: 'chat' },
  TYPE_EMAIL: { label: 'Email', icon: 'mail' },
  TYPE_SMS_REVIEW_REQUEST: { label: 'Review request', icon: 'review' },
  TYPE_WEBCHAT: { label: 'Web chat', icon: 'globe' },
  TYPE_SMS_NO_SHOW_REQUEST: { label: 'No-show SMS', icon: 'chat' },
  TYPE_CAMPAIGN_SMS: { label: 'Campaign SMS', icon: 'chat' },
  TYPE_CAMPAIGN_CALL: { label: 'Campaign call', icon: 'phone' },
  TYPE_CAMPAIGN_EMAIL: { label: 'Campaign email', icon: 'mail' },
  TYPE_CAMPAIGN_VOICEMAIL: { label: 'Voicemail', icon: 'voicemail' },
  TYPE_FACEBOOK: { label: 'Facebook', icon: 'facebook' },
  TYPE_CAMPAIGN_FACEBOOK: { label: 'Campaign Facebook', icon: 'facebook' },
  TYPE_CAMPAIGN_MANUAL_CALL: { label: 'Manual call', icon: 'phone' },
  TYPE_CAMPAIGN_MANUAL_SMS: { label: 'Manual SMS', icon: 'chat' },
  TYPE_GMB: { label: 'Google Business', icon: 'store' },
  TYPE_CAMPAIGN_GMB: { label: 'Campaign Google', icon: 'store' },
  TYPE_REVIEW: { label: 'Review', icon: 'review' },
  TYPE_INSTAGRAM: { label: 'Instagram', icon: 'instagram' },
  TYPE_WHATSAPP: { label: 'WhatsApp', icon: 'whatsapp' },
  TYPE_CUSTOM_SMS: { label: 'Custom SMS', icon: 'chat' },
  TYPE_CUSTOM_EMAIL: { label: 'Custom email', icon: 'mail' },
  TYPE_CUSTOM_PROVIDER_SMS: { label: 'Provider SMS', icon: 'chat' },
  TYPE_CUSTOM_PROVIDER_EMAIL: { label: 'Provider email', icon: 'mail' },
  TYPE_IVR_CALL: { label: 'IVR call', icon: 'phone' },
  TYPE_ACTIVITY_CONTACT: { label: 'Contact activity', icon: 'activity' },
  TYPE_ACTIVITY_INVOICE: { label: 'Invoice', icon: 'activity' },
  TYPE_ACTIVITY_PAYMENT: { label: 'Payment', icon: 'activity' },
  TYPE_ACTIVITY_OPPORTUNITY: { label: 'Opportunity', icon: 'activity' },
  TYPE_LIVE_CHAT: { label: 'Live chat', icon: 'globe' },
  TYPE_LIVE_CHAT_INFO_MESSAGE: { label: 'Live chat info', icon: 'globe' },
  TYPE_ACTIVITY_APPOINTMENT: { label: 'Appointment', icon: 'activity' },
  TYPE_FACEBOOK_COMMENT: { label: 'Facebook comment', icon: 'facebook' },
  TYPE_INSTAGRAM_COMMENT: { label: 'Instagram comment', icon: 'instagram' },
  TYPE_CUSTOM_CALL: { label: 'Custom call', icon: 'phone' },
  TYPE_INTERNAL_COMMENT: { label: 'Internal comment', icon: 'note' },
  TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG: { label: 'Team activity', icon: 'activity' },
  TYPE_TIKTOK: { label: 'TikTok', icon: 'video' },
  TYPE_TIKTOK_COMMENT: { label: 'TikTok comment', icon: 'video' },
  TYPE_ACTIVITY_WHATSAPP: { label: 'WhatsApp activity', icon: 'whatsapp' },
  TYPE_FORM_SUBMISSION: { label: 'Form submission', icon: 'form' },
  TYPE_SMS_REACTION: { label: 'SMS reaction', icon: 'chat' },
}

const CONVERSATION_CHANNELS: Record<ConversationType, Channel> = {
  TYPE_PHONE: { label: 'Phone', icon: 'phone' },
  TYPE_EMAIL: { label: 'Email', icon: 'mail' },
  TYPE_FB_MESSENGER: { label: 'Messenger', icon: 'facebook' },
  TYPE_REVIEW: { label: 'Review', icon: 'review' },
  TYPE_GROUP_SMS: { label: 'Group SMS', icon: 'chat' },
}

const OTHER: Channel = { label: 'Other', icon: 'other' }

function lookup<T extends string>(table: Record<T, Channel>, key: string | null | undefined): Channel | undefined {
  return key && Object.hasOwn(table, key) ? table[key as T] : undefined
}

/** The last message's channel; a type HighLevel adds later falls back to the conversation's. */
export function channelOf(conversation: Conversation): Channel {
  return (
    lookup(MESSAGE_CHANNELS, conversation.lastMessageType) ?? lookup(CONVERSATION_CHANNELS, conversation.type) ?? OTHER
  )
}

/** The label of a `lastMessageType` value, as a filter shows it. */
export function messageTypeLabel(type: MessageType): string {
  return MESSAGE_CHANNELS[type].label
}
