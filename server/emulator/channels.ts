import { MESSAGE_TYPES, type ConversationType, type MessageType } from '../../src/api/schemas/enums'
import { weightedPicker, type Random } from './random'

/**
 * How often each message type ends a conversation. `Record<MessageType, …>` makes the shared
 * enum the single truth: a type added there fails to compile here until it gets a weight.
 */
export const LAST_MESSAGE_TYPE_WEIGHTS: Readonly<Record<MessageType, number>> = {
  TYPE_SMS: 300,
  TYPE_EMAIL: 120,
  TYPE_CALL: 80,
  TYPE_CAMPAIGN_SMS: 40,
  TYPE_CAMPAIGN_EMAIL: 35,
  TYPE_WEBCHAT: 25,
  TYPE_LIVE_CHAT: 20,
  TYPE_FACEBOOK: 30,
  TYPE_INSTAGRAM: 25,
  TYPE_WHATSAPP: 25,
  TYPE_GMB: 10,
  TYPE_REVIEW: 8,
  TYPE_SMS_REVIEW_REQUEST: 10,
  TYPE_SMS_NO_SHOW_REQUEST: 5,
  TYPE_CAMPAIGN_CALL: 5,
  TYPE_CAMPAIGN_VOICEMAIL: 8,
  TYPE_CAMPAIGN_FACEBOOK: 4,
  TYPE_CAMPAIGN_MANUAL_CALL: 4,
  TYPE_CAMPAIGN_MANUAL_SMS: 5,
  TYPE_CAMPAIGN_GMB: 2,
  TYPE_CUSTOM_SMS: 4,
  TYPE_CUSTOM_EMAIL: 3,
  TYPE_CUSTOM_PROVIDER_SMS: 3,
  TYPE_CUSTOM_PROVIDER_EMAIL: 2,
  TYPE_CUSTOM_CALL: 2,
  TYPE_IVR_CALL: 5,
  TYPE_RCS: 3,
  TYPE_ACTIVITY_CONTACT: 6,
  TYPE_ACTIVITY_INVOICE: 4,
  TYPE_ACTIVITY_PAYMENT: 4,
  TYPE_ACTIVITY_OPPORTUNITY: 6,
  TYPE_ACTIVITY_APPOINTMENT: 8,
  TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG: 2,
  TYPE_ACTIVITY_WHATSAPP: 2,
  TYPE_LIVE_CHAT_INFO_MESSAGE: 3,
  TYPE_FACEBOOK_COMMENT: 5,
  TYPE_INSTAGRAM_COMMENT: 5,
  TYPE_TIKTOK: 3,
  TYPE_TIKTOK_COMMENT: 2,
  TYPE_INTERNAL_COMMENT: 12,
  TYPE_FORM_SUBMISSION: 6,
  TYPE_SMS_REACTION: 3,
}

/** What a body of each type looks like; `empty` for calls and voicemails, as HighLevel sends them. */
export type BodyKind = 'text' | 'email' | 'empty' | 'review' | 'social' | 'activity' | 'comment' | 'form' | 'reaction'

const BODY_KINDS: Partial<Record<MessageType, BodyKind>> = {
  TYPE_EMAIL: 'email',
  TYPE_CAMPAIGN_EMAIL: 'email',
  TYPE_CUSTOM_EMAIL: 'email',
  TYPE_CUSTOM_PROVIDER_EMAIL: 'email',
  TYPE_CALL: 'empty',
  TYPE_CAMPAIGN_CALL: 'empty',
  TYPE_CAMPAIGN_VOICEMAIL: 'empty',
  TYPE_CAMPAIGN_MANUAL_CALL: 'empty',
  TYPE_CUSTOM_CALL: 'empty',
  TYPE_IVR_CALL: 'empty',
  TYPE_REVIEW: 'review',
  TYPE_GMB: 'review',
  TYPE_CAMPAIGN_GMB: 'review',
  TYPE_FACEBOOK_COMMENT: 'social',
  TYPE_INSTAGRAM_COMMENT: 'social',
  TYPE_TIKTOK_COMMENT: 'social',
  TYPE_ACTIVITY_CONTACT: 'activity',
  TYPE_ACTIVITY_INVOICE: 'activity',
  TYPE_ACTIVITY_PAYMENT: 'activity',
  TYPE_ACTIVITY_OPPORTUNITY: 'activity',
  TYPE_ACTIVITY_APPOINTMENT: 'activity',
  TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG: 'activity',
  TYPE_ACTIVITY_WHATSAPP: 'activity',
  TYPE_LIVE_CHAT_INFO_MESSAGE: 'activity',
  TYPE_INTERNAL_COMMENT: 'comment',
  TYPE_FORM_SUBMISSION: 'form',
  TYPE_SMS_REACTION: 'reaction',
}

export function bodyKindOf(type: string): BodyKind {
  return BODY_KINDS[type as MessageType] ?? 'text'
}

/** Sent by automation only: campaigns, review and no-show requests, activity entries. */
export function isAutomatedType(type: string): boolean {
  return (
    (type.startsWith('TYPE_CAMPAIGN_') && !type.startsWith('TYPE_CAMPAIGN_MANUAL_')) ||
    type === 'TYPE_SMS_REVIEW_REQUEST' ||
    type === 'TYPE_SMS_NO_SHOW_REQUEST' ||
    bodyKindOf(type) === 'activity'
  )
}

/** Messages only the business sends (never inbound). */
export function isOutboundOnlyType(type: string): boolean {
  return isAutomatedType(type) || type.startsWith('TYPE_CAMPAIGN_') || type === 'TYPE_INTERNAL_COMMENT'
}

/** Messages only contacts send. */
export function isInboundOnlyType(type: string): boolean {
  const kind = bodyKindOf(type)
  return kind === 'review' || kind === 'social' || kind === 'form' || type === 'TYPE_SMS_REACTION'
}

/** The conversation's primary channel, from the channel its messages use. */
export function conversationTypeOf(type: string): ConversationType {
  if (bodyKindOf(type) === 'email') return 'TYPE_EMAIL'
  if (type.includes('FACEBOOK') || type.includes('INSTAGRAM')) return 'TYPE_FB_MESSENGER'
  if (type === 'TYPE_REVIEW' || type.includes('GMB')) return 'TYPE_REVIEW'
  return 'TYPE_PHONE'
}

/** `GET /conversations/{id}` sends the channel as a number. */
export const CONVERSATION_TYPE_NUMBERS: Readonly<Record<ConversationType, number>> = {
  TYPE_PHONE: 1,
  TYPE_EMAIL: 2,
  TYPE_FB_MESSENGER: 3,
  TYPE_REVIEW: 4,
  TYPE_GROUP_SMS: 5,
}

/** Generated conversations end inbound with this chance when their last type allows either direction. */
export const INBOUND_SHARE = 0.55

const inboundPickers = new Map<ConversationType, (random: Random) => MessageType>()

/**
 * Picks the type of a new inbound message for a conversation of `conversationType`, in the
 * proportions generated conversations end inbound on that channel (live arrivals use it).
 */
export function pickInboundType(conversationType: string, random: Random): MessageType {
  const channel: ConversationType = conversationType === 'TYPE_EMAIL' || conversationType === 'TYPE_FB_MESSENGER' || conversationType === 'TYPE_REVIEW' ? conversationType : 'TYPE_PHONE'
  let pick = inboundPickers.get(channel)
  if (!pick) {
    const weights: Partial<Record<MessageType, number>> = {}
    for (const type of MESSAGE_TYPES) {
      if (isOutboundOnlyType(type) || conversationTypeOf(type) !== channel) continue
      weights[type] = LAST_MESSAGE_TYPE_WEIGHTS[type] * (isInboundOnlyType(type) ? 1 : INBOUND_SHARE)
    }
    pick = weightedPicker(weights as Record<MessageType, number>)
    inboundPickers.set(channel, pick)
  }
  return pick(random)
}
