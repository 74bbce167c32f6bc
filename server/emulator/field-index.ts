import { UNASSIGNED } from '../../src/api/schemas/enums'
import type { ConversationRow } from './model'

/** The fields equality filters test, each with the values a row holds for it. */
const FIELD_VALUES = {
  id: (row: ConversationRow) => [row.id],
  contactId: (row: ConversationRow) => [row.contactId],
  assignedTo: (row: ConversationRow) => [row.assignedTo ?? UNASSIGNED],
  followers: (row: ConversationRow) => row.followers,
  mentions: (row: ConversationRow) => row.mentions,
  lastMessageType: (row: ConversationRow) => [row.lastMessageType],
  lastMessageDirection: (row: ConversationRow) => [row.lastMessageDirection],
  lastOutboundMessageAction: (row: ConversationRow) => [row.lastOutboundMessageAction ?? ''],
  unread: (row: ConversationRow) => [row.unreadCount > 0 ? 'unread' : 'read'],
  starred: (row: ConversationRow) => [row.starred ? 'starred' : ''],
} satisfies Record<string, (row: ConversationRow) => readonly string[]>

export type IndexedField = keyof typeof FIELD_VALUES

/** What a new inbound message changes; those indexes are dropped and rebuilt on next use. */
export const FIELDS_CHANGED_BY_ARRIVALS: readonly IndexedField[] = ['lastMessageType', 'lastMessageDirection', 'unread']

/**
 * Inverted indexes (value → row positions), built on first use. A filtered search counts its
 * `total` over the smallest candidate list instead of every row.
 */
export class FieldIndexes {
  private built = new Map<IndexedField, Map<string, number[]>>()

  constructor(private readonly rows: readonly ConversationRow[]) {}

  /** Positions of rows holding any of `values` for `field`, each once. */
  candidates(field: IndexedField, values: readonly string[]): number[] {
    const index = this.index(field)
    if (values.length === 1) return index.get(values[0] ?? '') ?? []
    const union = new Set<number>()
    for (const value of values) for (const seq of index.get(value) ?? []) union.add(seq)
    return [...union]
  }

  invalidate(fields: readonly IndexedField[]): void {
    for (const field of fields) this.built.delete(field)
  }

  private index(field: IndexedField): Map<string, number[]> {
    let index = this.built.get(field)
    if (!index) {
      index = new Map()
      const valuesOf = FIELD_VALUES[field]
      for (const row of this.rows) {
        for (const value of valuesOf(row)) {
          const list = index.get(value)
          if (list) list.push(row.seq)
          else index.set(value, [row.seq])
        }
      }
      this.built.set(field, index)
    }
    return index
  }
}
