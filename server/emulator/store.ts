import type { SortBy } from '../../src/api/schemas/enums'
import { scoreOf, type ConversationRow, type LocationData } from './model'
import { FIELDS_CHANGED_BY_ARRIVALS, FieldIndexes } from './field-index'
import { SortIndex } from './sort-index'

/**
 * One location's conversations with their sort indexes. Indexes are built on first use and
 * kept current when live mode changes a row, so a search never sorts.
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

  /** Call after a new message changed a row: moves it in every sort and drops stale field indexes. */
  messageArrived(row: ConversationRow): void {
    for (const index of this.indexes.values()) index.reposition(row)
    this.fields.invalidate(FIELDS_CHANGED_BY_ARRIVALS)
  }

  /** Marks read/unread or starred (`PUT /conversations/{id}`); neither changes a sort. */
  update(row: ConversationRow, change: Partial<Pick<ConversationRow, 'unreadCount' | 'starred'>>): void {
    Object.assign(row, change, { changed: true })
    this.fields.invalidate(['unread', 'starred'])
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
