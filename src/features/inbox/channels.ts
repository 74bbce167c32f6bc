import type { Conversation } from '../../api/schemas/conversation'
import type { ConversationType } from '../../api/schemas/enums'
import { CHANNEL_GROUP_INFO, channelGroup, channelLabel } from '../../lib/channels'

/** The channel a row shows: its last message's type, labelled and drawn as the filters do. */
export interface Channel {
  label: string
  /** SVG paths of a 24 × 24 stroke icon; undefined draws the generic one. */
  iconPaths: readonly string[] | undefined
}

const CONVERSATION_TYPE_LABELS: Record<ConversationType, string> = {
  TYPE_PHONE: 'Phone',
  TYPE_EMAIL: 'Email',
  TYPE_FB_MESSENGER: 'Messenger',
  TYPE_REVIEW: 'Review',
  TYPE_GROUP_SMS: 'Group SMS',
}

/** A message type HighLevel adds later still gets its own words; no type at all falls back to the conversation's. */
export function channelOf(conversation: Conversation): Channel {
  const type = conversation.lastMessageType
  if (type) {
    const group = channelGroup(type)
    return { label: channelLabel(type), iconPaths: group ? CHANNEL_GROUP_INFO[group].icon : undefined }
  }
  const conversationType = conversation.type
  const label =
    conversationType && Object.hasOwn(CONVERSATION_TYPE_LABELS, conversationType)
      ? CONVERSATION_TYPE_LABELS[conversationType as ConversationType]
      : 'Other'
  return { label, iconPaths: undefined }
}
