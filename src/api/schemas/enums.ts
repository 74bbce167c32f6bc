/**
 * The enumerations of HighLevel's Conversations API, as its published spec lists them.
 * Shared by the app, the server's emulator and the tests: the single truth for allowed values.
 */

/** The 42 values of `lastMessageType` (search filter and conversation field). */
export const MESSAGE_TYPES = [
  'TYPE_CALL',
  'TYPE_SMS',
  'TYPE_RCS',
  'TYPE_EMAIL',
  'TYPE_SMS_REVIEW_REQUEST',
  'TYPE_WEBCHAT',
  'TYPE_SMS_NO_SHOW_REQUEST',
  'TYPE_CAMPAIGN_SMS',
  'TYPE_CAMPAIGN_CALL',
  'TYPE_CAMPAIGN_EMAIL',
  'TYPE_CAMPAIGN_VOICEMAIL',
  'TYPE_FACEBOOK',
  'TYPE_CAMPAIGN_FACEBOOK',
  'TYPE_CAMPAIGN_MANUAL_CALL',
  'TYPE_CAMPAIGN_MANUAL_SMS',
  'TYPE_GMB',
  'TYPE_CAMPAIGN_GMB',
  'TYPE_REVIEW',
  'TYPE_INSTAGRAM',
  'TYPE_WHATSAPP',
  'TYPE_CUSTOM_SMS',
  'TYPE_CUSTOM_EMAIL',
  'TYPE_CUSTOM_PROVIDER_SMS',
  'TYPE_CUSTOM_PROVIDER_EMAIL',
  'TYPE_IVR_CALL',
  'TYPE_ACTIVITY_CONTACT',
  'TYPE_ACTIVITY_INVOICE',
  'TYPE_ACTIVITY_PAYMENT',
  'TYPE_ACTIVITY_OPPORTUNITY',
  'TYPE_LIVE_CHAT',
  'TYPE_LIVE_CHAT_INFO_MESSAGE',
  'TYPE_ACTIVITY_APPOINTMENT',
  'TYPE_FACEBOOK_COMMENT',
  'TYPE_INSTAGRAM_COMMENT',
  'TYPE_CUSTOM_CALL',
  'TYPE_INTERNAL_COMMENT',
  'TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG',
  'TYPE_TIKTOK',
  'TYPE_TIKTOK_COMMENT',
  'TYPE_ACTIVITY_WHATSAPP',
  'TYPE_FORM_SUBMISSION',
  'TYPE_SMS_REACTION',
] as const
export type MessageType = (typeof MESSAGE_TYPES)[number]

/** The conversation's primary channel (`type` in search results). */
export const CONVERSATION_TYPES = [
  'TYPE_PHONE',
  'TYPE_EMAIL',
  'TYPE_FB_MESSENGER',
  'TYPE_REVIEW',
  'TYPE_GROUP_SMS',
] as const
export type ConversationType = (typeof CONVERSATION_TYPES)[number]

export const STATUSES = ['all', 'read', 'unread', 'starred', 'recents'] as const
export type Status = (typeof STATUSES)[number]

export const DIRECTIONS = ['inbound', 'outbound'] as const
export type Direction = (typeof DIRECTIONS)[number]

export const MESSAGE_ACTIONS = ['automated', 'manual'] as const
export type MessageAction = (typeof MESSAGE_ACTIONS)[number]

export const SORT_ORDERS = ['asc', 'desc'] as const
export type SortOrder = (typeof SORT_ORDERS)[number]

/** The reference page's three; the spec adds `overdue_at` and `due_at`, which the app does not offer. */
export const SORT_BYS = ['last_message_date', 'last_manual_message_date', 'score_profile'] as const
export type SortBy = (typeof SORT_BYS)[number]

/** API versions HighLevel accepts for these endpoints; the first is what we send. */
export const API_VERSIONS = ['2021-07-28', '2021-04-15'] as const

/** `assignedTo` accepts this word in place of user ids. */
export const UNASSIGNED = 'unassigned'

/** HighLevel documents no maximum page size; we treat 100 as the cap. */
export const MAX_LIMIT = 100
