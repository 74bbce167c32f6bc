/**
 * The emulator's internal data model. Rows are kept flat and typed for fast filtering; the
 * wire shape (what HighLevel sends) is built only for the rows of a page (see `wire.ts`).
 */

export interface ScoreEntry {
  profileId: string
  score: number
}

export interface ConversationRow {
  /** Position in generation order: the tie-breaker inside a run of equal sort values. */
  seq: number
  id: string
  contactId: string
  locationId: string
  fullName: string
  contactName: string
  firstName: string
  email: string
  phone: string
  companyName: string
  lastMessageBody: string
  lastMessageType: string
  type: string
  unreadCount: number
  dateAdded: number
  dateUpdated: number
  lastMessageDate: number
  /** Absent when no person ever wrote in this conversation (only automation). */
  lastManualMessageDate: number | undefined
  lastMessageDirection: string
  /** Automated or manual: what the last outbound message was; absent with no outbound message. */
  lastOutboundMessageAction: string | undefined
  assignedTo: string | undefined
  followers: string[]
  /** Users @-mentioned in internal comments (not a wire field; the `mentions` filter reads it). */
  mentions: string[]
  tags: string[]
  starred: boolean
  scoring: ScoreEntry[]
  /** Fixture rows keep their original item so that malformed values reach the client as-is. */
  raw: unknown
  /** Set once live mode changed this row: the wire object then overlays the typed fields. */
  changed: boolean
  /** Lower-cased search text, built on the first `query` search. */
  haystack: string | undefined
}

export interface EmulatorUser {
  id: string
  name: string
  firstName: string
  lastName: string
  email: string
  phone: string
  role: 'admin' | 'user'
  deleted: boolean
}

export interface ScoreProfile {
  id: string
  name: string
}

export interface LocationData {
  id: string
  name: string
  token: string
  users: EmulatorUser[]
  scoreProfiles: ScoreProfile[]
  rows: ConversationRow[]
}

export function scoreOf(row: ConversationRow, profileId: string): number {
  for (const entry of row.scoring) if (entry.profileId === profileId) return entry.score
  return 0
}
