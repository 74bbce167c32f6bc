import type { Direction, MessageAction, SortBy, SortOrder, Status } from '../api/schemas/enums'

/**
 * People's words for the search enums: one place, used by the filters, their chips and the
 * inbox table. Channels (`lastMessageType`) have their own module, `channels.ts`.
 */

export const STATUS_LABELS: Record<Status, string> = {
  all: 'All',
  unread: 'Unread',
  read: 'Read',
  starred: 'Starred',
  recents: 'Recents',
}

export const DIRECTION_LABELS: Record<Direction, string> = {
  inbound: 'Inbound',
  outbound: 'Outbound',
}

export const MESSAGE_ACTION_LABELS: Record<MessageAction, string> = {
  automated: 'Automated',
  manual: 'Manual',
}

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
