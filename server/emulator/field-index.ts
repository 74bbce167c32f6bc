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

/** Fields where a row holds several values; the others get a column of value codes too. */
const MULTI_VALUED: ReadonlySet<IndexedField> = new Set(['followers', 'mentions'])

interface BuiltIndex {
  lists: Map<string, number[]>
  /** Value code per row position (single-valued fields): checking a typed array beats reading rows. */
  codes: Int32Array | undefined
  codeOf: Map<string, number>
}

/** What a new inbound message changes; those indexes are dropped and rebuilt on next use. */
export const FIELDS_CHANGED_BY_ARRIVALS: readonly IndexedField[] = ['lastMessageType', 'lastMessageDirection', 'unread']

/**
 * Inverted indexes (value → row positions), built on first use. A filtered search counts its
 * `total` over the smallest candidate list instead of every row.
 */
export class FieldIndexes {
  private built = new Map<IndexedField, BuiltIndex>()

  constructor(private readonly rows: readonly ConversationRow[]) {}

  /** Positions of rows holding any of `values` for `field`, each once. */
  candidates(field: IndexedField, values: readonly string[]): number[] {
    const { lists } = this.index(field)
    if (values.length === 1) return lists.get(values[0] ?? '') ?? []
    const union = new Set<number>()
    for (const value of values) for (const seq of lists.get(value) ?? []) union.add(seq)
    return [...union]
  }

  /** A check by row position for a single-valued field; undefined for multi-valued ones. */
  matcher(field: IndexedField, values: readonly string[]): ((seq: number) => boolean) | undefined {
    const { codes, codeOf } = this.index(field)
    if (!codes) return undefined
    const wanted = values.map((value) => codeOf.get(value) ?? -1)
    if (wanted.length === 1) {
      const code = wanted[0]
      return (seq) => codes[seq] === code
    }
    return (seq) => wanted.includes(codes[seq] as number)
  }

  static isSingleValued(field: IndexedField): boolean {
    return !MULTI_VALUED.has(field)
  }

  invalidate(fields: readonly IndexedField[]): void {
    for (const field of fields) this.built.delete(field)
  }

  private index(field: IndexedField): BuiltIndex {
    let index = this.built.get(field)
    if (!index) {
      const lists = new Map<string, number[]>()
      const codeOf = new Map<string, number>()
      const codes = MULTI_VALUED.has(field) ? undefined : new Int32Array(this.rows.length)
      const valuesOf = FIELD_VALUES[field]
      for (const row of this.rows) {
        for (const value of valuesOf(row)) {
          const list = lists.get(value)
          if (list) list.push(row.seq)
          else lists.set(value, [row.seq])
          if (!codeOf.has(value)) codeOf.set(value, codeOf.size)
          if (codes) codes[row.seq] = codeOf.get(value) as number
        }
      }
      index = { lists, codes, codeOf }
      this.built.set(field, index)
    }
    return index
  }
}
