import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DIRECTIONS, MESSAGE_ACTIONS, MESSAGE_TYPES, SORT_BYS, UNASSIGNED } from '../../src/api/schemas/enums'
import { FieldIndexes, type IndexedField } from './field-index'
import { generateLocation } from './generate'
import { LocationStore, type RowChange } from './store'

const NOW = 1_750_000_000_000
const base = generateLocation({ seed: 5, label: 'store', conversations: 300, userCount: 6, now: NOW })
const fresh = () => ({ ...base, rows: base.rows.map((row) => ({ ...row })) })
const users = base.users.map((user) => user.id)

const VALUES: Record<IndexedField, readonly string[]> = {
  id: [],
  contactId: [],
  followers: [],
  mentions: [],
  assignedTo: [...users, UNASSIGNED],
  lastMessageType: MESSAGE_TYPES,
  lastMessageDirection: DIRECTIONS,
  lastOutboundMessageAction: [...MESSAGE_ACTIONS, ''],
  unread: ['read', 'unread'],
  starred: ['starred', ''],
}
const CHANGED_FIELDS = Object.entries(VALUES).filter(([, values]) => values.length > 0).map(([field]) => field as IndexedField)

const change = fc.record(
  {
    unreadCount: fc.nat(5),
    starred: fc.boolean(),
    assignedTo: fc.option(fc.constantFrom(...users), { nil: undefined }),
    lastMessageType: fc.constantFrom(...MESSAGE_TYPES),
    lastMessageDirection: fc.constantFrom(...DIRECTIONS),
    lastOutboundMessageAction: fc.constantFrom(...MESSAGE_ACTIONS),
    lastMessageDate: fc.integer({ min: NOW - 1e10, max: NOW + 1e6 }),
    lastManualMessageDate: fc.integer({ min: NOW - 1e10, max: NOW + 1e6 }),
  },
  { requiredKeys: [] },
) satisfies fc.Arbitrary<RowChange>

describe('LocationStore.change', () => {
  it('keeps every field index and sort order as a fresh build would, through any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.nat(299), patch: change }), { maxLength: 30 }), (writes) => {
        const store = new LocationStore(fresh())
        // Built before the writes, so that they must be kept current rather than built afterwards.
        for (const field of CHANGED_FIELDS) store.fields.candidates(field, ['x'])
        for (const sortBy of SORT_BYS) store.index(sortBy, store.defaultScoreProfileId)
        for (const { row, patch } of writes) {
          const target = store.rows[row]
          if (target) store.change(target, patch)
        }

        const rebuilt = new FieldIndexes(store.rows)
        for (const field of CHANGED_FIELDS) {
          for (const value of VALUES[field]) {
            expect(store.fields.candidates(field, [value]), `${field}=${value}`).toEqual(rebuilt.candidates(field, [value]))
            const kept = store.fields.matcher(field, [value])
            const built = rebuilt.matcher(field, [value])
            const seqs = [...store.rows.keys()]
            expect(seqs.filter((seq) => kept?.(seq)), `${field}=${value}`).toEqual(seqs.filter((seq) => built?.(seq)))
          }
        }
        const other = new LocationStore({ ...base, rows: [...store.rows] })
        for (const sortBy of SORT_BYS) {
          const profile = store.defaultScoreProfileId
          expect([...store.index(sortBy, profile).order], sortBy).toEqual([...other.index(sortBy, profile).order])
        }
      }),
      { numRuns: 40 },
    )
  })

  it('finds every conversation of a contact', () => {
    const store = new LocationStore(fresh())
    for (const row of store.rows.slice(0, 50)) {
      expect(store.conversationsOf(row.contactId)).toEqual(store.rows.filter((other) => other.contactId === row.contactId))
    }
    expect(store.conversationsOf('nobody')).toEqual([])
  })
})
