import type { ConversationRow } from './model'

/**
 * Row positions in ascending sort order, kept up to date as live mode moves rows, so that a page
 * never sorts: it walks the order from the cursor's position (found by binary search).
 * Ties on the sort value are ordered by `seq`; the cursor itself never sees that tie-breaker.
 */
export class SortIndex {
  /** Row positions (`seq`), ascending by key, then secondary key, then seq. */
  readonly order: Int32Array

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

  /** Moves one row to where its (changed) sort value now belongs. */
  reposition(row: ConversationRow): void {
    const order = this.order
    const from = order.indexOf(row.seq)
    if (from < 0) return
    order.copyWithin(from, from + 1)
    const last = order.length - 1
    let low = 0
    let high = last
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.compareRows(this.rowAt(mid), row) > 0) high = mid
      else low = mid + 1
    }
    order.copyWithin(low + 1, low, last)
    order[low] = row.seq
  }

  /** Sort order of two rows, ties broken by generation order as in `order`. */
  compareRows(a: ConversationRow, b: ConversationRow): number {
    const first = this.key(a) - this.key(b)
    if (first !== 0) return first
    const second = this.secondary ? this.secondary(a) - this.secondary(b) : 0
    return second || a.seq - b.seq
  }
}
