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

/** Each built field's values for one row, taken before a change (see `FieldIndexes.update`). */
export type FieldSnapshot = ReadonlyMap<IndexedField, readonly string[]>

/**
 * Inverted indexes (value → row positions, ascending), built on first use and then kept current
 * row by row: a write costs a binary search and a splice per changed field, never a rebuild.
 * A filtered search counts its `total` over the smallest candidate list instead of every row.
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

  /** The row's values in every built index: take it before changing the row, pass it to `update` after. */
  snapshot(row: ConversationRow): FieldSnapshot {
    const values = new Map<IndexedField, readonly string[]>()
    for (const field of this.built.keys()) values.set(field, FIELD_VALUES[field](row))
    return values
  }

  /** Moves the (changed) row between value lists where its values differ from `before`. */
  update(row: ConversationRow, before: FieldSnapshot): void {
    for (const [field, old] of before) {
      const index = this.built.get(field)
      if (!index) continue
      const now = FIELD_VALUES[field](row)
      if (old.length === now.length && old.every((value, i) => value === now[i])) continue
      for (const value of old) if (!now.includes(value)) remove(index.lists.get(value), row.seq)
      for (const value of now) {
        if (old.includes(value)) continue
        const list = index.lists.get(value)
        if (list) insert(list, row.seq)
        else index.lists.set(value, [row.seq])
        if (!index.codeOf.has(value)) index.codeOf.set(value, index.codeOf.size)
      }
      if (index.codes) index.codes[row.seq] = index.codeOf.get(now[0] ?? '') ?? -1
    }
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

/** The first position in an ascending list whose value is not below `seq`. */
function lowerBound(list: readonly number[], seq: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((list[mid] as number) < seq) low = mid + 1
    else high = mid
  }
  return low
}

function remove(list: number[] | undefined, seq: number): void {
  if (!list) return
  const at = lowerBound(list, seq)
  if (list[at] === seq) list.splice(at, 1)
}

function insert(list: number[], seq: number): void {
  const at = lowerBound(list, seq)
  if (list[at] !== seq) list.splice(at, 0, seq)
}
