import type { SortBy } from '../../src/api/schemas/enums'
import { scoreOf, type ConversationRow, type LocationData } from './model'
import { FieldIndexes } from './field-index'
import { SortIndex } from './sort-index'

/** What writes change on a conversation. */
export type RowChange = Partial<
  Pick<
    ConversationRow,
    | 'unreadCount'
    | 'starred'
    | 'assignedTo'
    | 'lastMessageBody'
    | 'lastMessageType'
    | 'lastMessageDirection'
    | 'lastMessageDate'
    | 'lastManualMessageDate'
    | 'lastOutboundMessageAction'
    | 'dateUpdated'
  >
>

/** The fields a sort order reads (see `createIndex`). */
const SORT_FIELDS = ['lastMessageDate', 'lastManualMessageDate'] as const

/**
 * One location's conversations with their sort and field indexes. Indexes are built on first use
 * and kept current when a write or an arrival changes a row, so a search never sorts.
 */
export class LocationStore {
  private indexes = new Map<string, SortIndex>()
  /** Built on the first lookup: start-up at 200,000 rows need not pay for it. */
  private byId: Map<string, ConversationRow> | undefined
  fields = new FieldIndexes([])

  constructor(readonly location: LocationData) {
    this.replaceRows(location.rows)
  }

  get rows(): readonly ConversationRow[] {
    return this.location.rows
  }

  replaceRows(rows: ConversationRow[]): void {
    this.location.rows = rows
    this.indexes = new Map()
    this.fields = new FieldIndexes(rows)
    this.byId = undefined
  }

  find(id: string): ConversationRow | undefined {
    this.byId ??= new Map(this.rows.map((row) => [row.id, row]))
    return this.byId.get(id)
  }

  /** `profileId` picks the score profile of `score_profile` sorts. */
  index(sortBy: SortBy, profileId: string): SortIndex {
    const name = sortBy === 'score_profile' ? `score_profile:${profileId}` : sortBy
    let index = this.indexes.get(name)
    if (!index) {
      index = createIndex(this.rows, sortBy, profileId)
      this.indexes.set(name, index)
    }
    return index
  }

  /** The conversations of one contact (the inverted index on `contactId`, which no write changes). */
  conversationsOf(contactId: string): ConversationRow[] {
    return this.fields.candidates('contactId', [contactId]).map((seq) => this.rows[seq] as ConversationRow)
  }

  /**
   * Every write goes through here: applies the change, then moves the row in the field indexes
   * and, when a sort value changed, in every sort order — O(log n) searches and a memmove, no rebuild.
   */
  change(row: ConversationRow, patch: RowChange): void {
    const before = this.fields.snapshot(row)
    const sortsMoved = SORT_FIELDS.some((field) => field in patch && patch[field] !== row[field])
    Object.assign(row, patch, { changed: true })
    if ('lastMessageBody' in patch) row.haystack = undefined
    this.fields.update(row, before)
    if (sortsMoved) for (const index of this.indexes.values()) index.reposition(row)
  }

  /** The profile score sorts and filters use when the request names none. */
  get defaultScoreProfileId(): string {
    return this.location.scoreProfiles[0]?.id ?? ''
  }
}

function createIndex(rows: readonly ConversationRow[], sortBy: SortBy, profileId: string): SortIndex {
  switch (sortBy) {
    case 'last_message_date':
      return new SortIndex(rows, (row) => row.lastMessageDate)
    case 'last_manual_message_date':
      // Conversations nobody ever wrote in sort by their creation date: a constant (0, or
      // "missing last") would make one tie run too long for any client to page through.
      return new SortIndex(rows, (row) => row.lastManualMessageDate ?? row.dateAdded)
    case 'score_profile':
      return new SortIndex(
        rows,
        (row) => scoreOf(row, profileId),
        (row) => row.lastMessageDate,
      )
  }
}
