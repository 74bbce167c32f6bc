import type { ConversationRow } from './model'

/**
 * Row positions in ascending sort order, kept up to date as messages move rows, so that a page
 * never sorts: it walks the order from the cursor's position (found by binary search).
 * Ties on the sort value are ordered by `seq`; the cursor itself never sees that tie-breaker.
 */
export class SortIndex {
  /** Row positions (`seq`), ascending by key, then secondary key, then seq. */
  readonly order: Int32Array
  /** The keys each row was placed by, per seq: a moved row is found by binary search, not a scan. */
  private readonly keys: Float64Array
  private readonly seconds: Float64Array

  constructor(
    private readonly rows: readonly ConversationRow[],
    /** The primary sort value of a row. */
    readonly key: (row: ConversationRow) => number,
    /** The secondary sort value (score sorts break ties by last message date); absent for date sorts. */
    readonly secondary?: (row: ConversationRow) => number,
  ) {
    const keys = new Float64Array(rows.length)
    const seconds = new Float64Array(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as ConversationRow
      keys[i] = key(row)
      seconds[i] = secondary ? secondary(row) : 0
    }
    const order = Int32Array.from({ length: rows.length }, (_, i) => i)
    order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || (seconds[a] as number) - (seconds[b] as number) || a - b)
    this.order = order
    this.keys = keys
    this.seconds = seconds
  }

  /** The row's sort value as the API sends it in `sort`. */
  sortValue(row: ConversationRow): number[] {
    return this.secondary ? [this.key(row), this.secondary(row)] : [this.key(row)]
  }

  /** Compares a row with a cursor (one or two values); only the cursor's values count. */
  compareToCursor(row: ConversationRow, cursor: readonly number[]): number {
    const first = this.key(row) - (cursor[0] ?? 0)
    if (first !== 0 || cursor.length < 2 || !this.secondary) return first
    return this.secondary(row) - (cursor[1] ?? 0)
  }

  /** The first position whose row compares greater than (or, with `orEqual`, equal to) the cursor. */
  boundary(cursor: readonly number[], orEqual: boolean): number {
    let low = 0
    let high = this.order.length
    while (low < high) {
      const mid = (low + high) >> 1
      const comparison = this.compareToCursor(this.rowAt(mid), cursor)
      if (comparison > 0 || (orEqual && comparison === 0)) high = mid
      else low = mid + 1
    }
    return low
  }

  rowAt(position: number): ConversationRow {
    return this.rows[this.order[position] as number] as ConversationRow
  }

  /** Moves one row to where its (changed) sort value now belongs: two binary searches and a memmove. */
  reposition(row: ConversationRow): void {
    const order = this.order
    const seq = row.seq
    const from = this.placedAt(this.keys[seq] as number, this.seconds[seq] as number, seq, false)
    if (order[from] !== seq) return
    order.copyWithin(from, from + 1)
    const key = this.key(row)
    const second = this.secondary ? this.secondary(row) : 0
    this.keys[seq] = key
    this.seconds[seq] = second
    const last = order.length - 1
    const to = this.placedAt(key, second, seq, true, last)
    order.copyWithin(to + 1, to, last)
    order[to] = seq
  }

  /** The first position (below `end`) whose placed row sorts after (key, second, seq), or at it unless `after`. */
  private placedAt(key: number, second: number, seq: number, after: boolean, end = this.order.length): number {
    let low = 0
    let high = end
    while (low < high) {
      const mid = (low + high) >> 1
      const other = this.order[mid] as number
      const comparison = (this.keys[other] as number) - key || (this.seconds[other] as number) - second || other - seq
      if (comparison > 0 || (!after && comparison === 0)) high = mid
      else low = mid + 1
    }
    return low
  }

  /** Sort order of two rows, ties broken by generation order as in `order`. */
  compareRows(a: ConversationRow, b: ConversationRow): number {
    const first = this.key(a) - this.key(b)
    if (first !== 0) return first
    const second = this.secondary ? this.secondary(a) - this.secondary(b) : 0
    return second || a.seq - b.seq
  }
}
