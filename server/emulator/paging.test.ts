import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DIRECTIONS, MAX_LIMIT, MESSAGE_ACTIONS, SORT_BYS, SORT_ORDERS, STATUSES, UNASSIGNED } from '../../src/api/schemas/enums'
import type { ConversationRow } from './model'
import { RECENT_MS } from './filters'
import { searchConversations } from './search'
import { parseSearchParams } from './search-params'
import { TEST_NOW, createTestClient } from './test-client'

/**
 * The paging contract, checked the way a correct client pages (see docs/emulator.md, "Paging"):
 * the next cursor is the sort value of the last item *before* the page's trailing tie run, items
 * seen twice are dropped by id, and a page that is one tie run throughout is asked for again wider.
 */
const client = createTestClient({ conversations: 700 })
const store = client.state.stores[0]
const rows = store?.rows ?? []
const users = store?.location.users ?? []
const profiles = store?.location.scoreProfiles ?? []

interface Scenario {
  filters: Record<string, string | number>
  sortBy: (typeof SORT_BYS)[number]
  sort: (typeof SORT_ORDERS)[number]
  profile: string
  limit: number
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
const scenario: fc.Arbitrary<Scenario> = fc.record({
  filters: fc
    .record({
      status: optional(fc.constantFrom(...STATUSES)),
      assignedTo: optional(fc.subarray([UNASSIGNED, ...users.slice(0, 4).map((user) => user.id)], { minLength: 1 }).map((ids) => ids.join(','))),
      lastMessageDirection: optional(fc.constantFrom(...DIRECTIONS)),
      lastMessageAction: optional(fc.constantFrom(...MESSAGE_ACTIONS)),
      lastMessageType: optional(fc.constantFrom('TYPE_SMS', 'TYPE_EMAIL', 'TYPE_CALL', 'TYPE_CAMPAIGN_SMS')),
      query: optional(fc.constantFrom('a', 'an', 'gmail', '55', 'thanks')),
      scoreProfileMin: optional(fc.integer({ min: 0, max: 100 })),
    })
    .map((record) => Object.fromEntries(Object.entries(record).filter((entry) => entry[1] !== undefined)) as Record<string, string | number>),
  sortBy: fc.constantFrom(...SORT_BYS),
  sort: fc.constantFrom(...SORT_ORDERS),
  profile: fc.constantFrom(...profiles.map((profile) => profile.id)),
  limit: fc.integer({ min: 1, max: MAX_LIMIT }),
})

type Item = { id: string; sort: number[] }

async function pageLikeACorrectClient(s: Scenario): Promise<{ ids: string[]; total: number; requests: number }> {
  const base = { ...s.filters, sortBy: s.sortBy, sort: s.sort, sortScoreProfile: s.profile }
  const ids: string[] = []
  const seen = new Set<string>()
  let cursor: number[] | undefined
  let limit = s.limit
  let total = -1
  for (let requests = 1; ; requests++) {
    const response = await client.search({ ...base, limit, ...(cursor ? { startAfterDate: cursor.join(',') } : {}) })
    if (response.status !== 200) throw new Error(JSON.stringify(response.body))
    if (total < 0) total = response.body.total as number
    const page = response.body.conversations as Item[]
    for (const item of page) {
      if (seen.has(item.id)) continue
      seen.add(item.id)
      ids.push(item.id)
    }
    if (page.length < limit) return { ids, total, requests }
    const last = page.at(-1)?.sort ?? []
    const boundary = page.findLast((item) => item.sort.join() !== last.join())
    if (boundary) {
      cursor = boundary.sort
      limit = s.limit
    } else if (limit < MAX_LIMIT) {
      limit = Math.min(MAX_LIMIT, limit * 2)
    } else {
      throw new Error(`a tie run longer than ${MAX_LIMIT} cannot be paged through`)
    }
  }
}

/** The oracle: a plain filter and sort, written independently of the emulator's indexes. */
function expectedOrder(s: Scenario): { row: ConversationRow; sort: number[] }[] {
  const f = s.filters
  const score = (row: ConversationRow) => row.scoring.find((entry) => entry.profileId === s.profile)?.score ?? 0
  const assigned = typeof f.assignedTo === 'string' ? f.assignedTo.split(',') : undefined
  const query = typeof f.query === 'string' ? f.query.toLowerCase() : undefined
  const matches = rows.filter((row) => {
    const text = [row.fullName, row.contactName, row.email, row.phone, row.phone.replace(/\D/g, ''), row.companyName, row.lastMessageBody.replace(/<[^>]*>/g, ' ')].join('\n').toLowerCase()
    return (
      (f.status === undefined || f.status === 'all' ||
        (f.status === 'read' && row.unreadCount === 0) || (f.status === 'unread' && row.unreadCount > 0) ||
        (f.status === 'starred' && row.starred) || (f.status === 'recents' && row.lastMessageDate >= TEST_NOW - RECENT_MS)) &&
      (assigned === undefined || assigned.includes(row.assignedTo ?? UNASSIGNED)) &&
      (f.lastMessageDirection === undefined || row.lastMessageDirection === f.lastMessageDirection) &&
      (f.lastMessageAction === undefined || row.lastOutboundMessageAction === f.lastMessageAction) &&
      (f.lastMessageType === undefined || row.lastMessageType === f.lastMessageType) &&
      (query === undefined || text.includes(query)) &&
      (f.scoreProfileMin === undefined || score(row) >= (f.scoreProfileMin as number))
    )
  })
  const sortOf = (row: ConversationRow): number[] =>
    s.sortBy === 'last_message_date' ? [row.lastMessageDate]
      : s.sortBy === 'last_manual_message_date' ? [row.lastManualMessageDate ?? row.dateAdded]
        : [score(row), row.lastMessageDate]
  const keyed = matches.map((row) => ({ row, sort: sortOf(row) }))
  keyed.sort((a, b) => (a.sort[0] ?? 0) - (b.sort[0] ?? 0) || (a.sort[1] ?? 0) - (b.sort[1] ?? 0) || a.row.seq - b.row.seq)
  return s.sort === 'asc' ? keyed : keyed.reverse()
}

describe('paging with startAfterDate', () => {
  it('a correct client gets exactly the filtered set, in order, each conversation once', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const expected = expectedOrder(s).map(({ row }) => row.id)
        const { ids, total } = await pageLikeACorrectClient(s)
        expect(total).toBe(expected.length)
        expect(ids).toEqual(expected)
      }),
      { numRuns: 120 },
    )
  })

  it('the emulator rule: a page holds the first items strictly after the cursor in sort order', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.nat(), async (s, pick) => {
        const expected = expectedOrder(s)
        const at = expected[pick % Math.max(1, expected.length)]
        const cursor = at?.sort ?? [0]
        const after = (sort: number[]) => {
          const c = (sort[0] ?? 0) - (cursor[0] ?? 0) || (sort[1] ?? 0) - (cursor[1] ?? 0)
          return s.sort === 'asc' ? c > 0 : c < 0
        }
        const wanted = expected.filter((item) => after(item.sort)).slice(0, s.limit).map(({ row }) => row.id)
        const response = await client.search({ ...s.filters, sortBy: s.sortBy, sort: s.sort, sortScoreProfile: s.profile, limit: s.limit, startAfterDate: cursor.join(',') })
        expect((response.body.conversations as Item[]).map((item) => item.id)).toEqual(wanted)
        expect(response.body.total).toBe(expected.length)
      }),
      { numRuns: 120 },
    )
  })

  it('a naive client (cursor = last item) skips ties at page boundaries: the hard case is in the data', async () => {
    let skipped = 0
    for (const limit of [7, 10, 13]) {
      let cursor: number[] | undefined
      const ids = new Set<string>()
      for (;;) {
        const page = (await client.search({ limit, ...(cursor ? { startAfterDate: cursor.join(',') } : {}) })).body.conversations as Item[]
        for (const item of page) ids.add(item.id)
        if (page.length < limit) break
        cursor = page.at(-1)?.sort
      }
      skipped += rows.length - ids.size
    }
    expect(skipped).toBeGreaterThan(0)
  })

  it('picking a page from few matches and walking the sort order agree', async () => {
    await fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const expected = expectedOrder(s)
        const cursor = expected[pick % Math.max(1, expected.length)]?.sort
        const query = new URLSearchParams({ locationId: client.location.id, sortBy: s.sortBy, sort: s.sort, sortScoreProfile: s.profile, limit: String(s.limit) })
        for (const [name, value] of Object.entries(s.filters)) query.set(name, String(value))
        if (cursor && pick % 2 === 0) query.set('startAfterDate', cursor.join(','))
        const parsed = parseSearchParams(query)
        if (!parsed.ok || !store) throw new Error('bad scenario')
        const ids = (fewMatches: number) => searchConversations(store, parsed.params, TEST_NOW, fewMatches).rows.map((row) => row.id)
        expect(ids(0)).toEqual(ids(Number.POSITIVE_INFINITY))
      }),
      { numRuns: 200 },
    )
  })
})
