import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateLocation } from './generate'
import { scoreOf } from './model'
import { SortIndex } from './sort-index'

const location = generateLocation({ seed: 3, label: 'sort', conversations: 300, userCount: 4, now: 1_750_000_000_000 })
const profile = location.scoreProfiles[0]?.id ?? ''

describe('SortIndex.reposition', () => {
  it('keeps the order a fresh sort would give, through any sequence of changed rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ row: fc.nat(299), date: fc.integer({ min: 0, max: 2_000_000_000_000 }), tie: fc.boolean() }), { maxLength: 40 }),
        (changes) => {
          const rows = location.rows.map((row) => ({ ...row }))
          const byDate = new SortIndex(rows, (row) => row.lastMessageDate)
          const byScore = new SortIndex(rows, (row) => scoreOf(row, profile), (row) => row.lastMessageDate)
          for (const change of changes) {
            const row = rows[change.row]
            if (!row) continue
            // Half the changes land on an existing date, to exercise ties.
            row.lastMessageDate = change.tie ? (rows[(change.row + 1) % rows.length]?.lastMessageDate ?? 0) : change.date
            byDate.reposition(row)
            byScore.reposition(row)
          }
          expect([...byDate.order]).toEqual([...new SortIndex(rows, (row) => row.lastMessageDate).order])
          expect([...byScore.order]).toEqual([...new SortIndex(rows, (row) => scoreOf(row, profile), (row) => row.lastMessageDate).order])
        },
      ),
      { numRuns: 60 },
    )
  })
})
