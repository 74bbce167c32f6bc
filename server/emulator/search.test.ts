import { describe, expect, it } from 'vitest'
import { UNASSIGNED } from '../../src/api/schemas/enums'
import { RECENT_MS } from './filters'
import { TEST_NOW, createTestClient } from './test-client'

const client = createTestClient({ conversations: 2000 })
const rows = client.state.stores[0]?.rows ?? []
const users = client.state.stores[0]?.location.users ?? []
const profiles = client.state.stores[0]?.location.scoreProfiles ?? []

type Wire = Record<string, unknown> & { id: string; sort: number[] }

/** Every match of a filter, as ids, by asking with the largest page and the cursor. */
async function allIds(params: Record<string, string | number>): Promise<{ ids: string[]; total: number }> {
  const first = await client.search({ ...params, limit: 100 })
  const total = first.body.total as number
  return { ids: (first.body.conversations as Wire[]).map((c) => c.id), total }
}

const expectFilter = async (params: Record<string, string | number>, keep: (row: (typeof rows)[number]) => boolean) => {
  const expected = rows.filter(keep)
  const { ids, total } = await allIds(params)
  expect(total).toBe(expected.length)
  expect(expected.length).toBeGreaterThan(0)
  const wanted = new Set(expected.map((row) => row.id))
  expect(ids.every((id) => wanted.has(id))).toBe(true)
  expect(ids.length).toBe(Math.min(100, expected.length))
}

describe('filters', () => {
  const assignee = users[0]?.id ?? ''
  const second = users[1]?.id ?? ''
  it('assignedTo: one user, several users, unassigned, and a mix', async () => {
    await expectFilter({ assignedTo: assignee }, (row) => row.assignedTo === assignee)
    await expectFilter({ assignedTo: `${assignee},${second}` }, (row) => row.assignedTo === assignee || row.assignedTo === second)
    await expectFilter({ assignedTo: UNASSIGNED }, (row) => row.assignedTo === undefined)
    await expectFilter({ assignedTo: `${UNASSIGNED},${assignee}` }, (row) => row.assignedTo === undefined || row.assignedTo === assignee)
  })
  it('followers and mentions match any of the ids', async () => {
    await expectFilter({ followers: `${assignee},${second}` }, (row) => row.followers.includes(assignee) || row.followers.includes(second))
    const mentioned = rows.find((row) => row.mentions.length > 0)?.mentions[0] ?? ''
    await expectFilter({ mentions: mentioned }, (row) => row.mentions.includes(mentioned))
  })
  it('contactId and id', async () => {
    const shared = rows.find((row, index) => rows.some((other, j) => j !== index && other.contactId === row.contactId))
    const contactId = shared?.contactId ?? ''
    await expectFilter({ contactId }, (row) => row.contactId === contactId)
    const id = rows[7]?.id ?? ''
    await expectFilter({ id }, (row) => row.id === id)
  })
  it('lastMessageType, lastMessageDirection, lastMessageAction', async () => {
    await expectFilter({ lastMessageType: 'TYPE_EMAIL' }, (row) => row.lastMessageType === 'TYPE_EMAIL')
    await expectFilter({ lastMessageDirection: 'inbound' }, (row) => row.lastMessageDirection === 'inbound')
    await expectFilter({ lastMessageAction: 'automated' }, (row) => row.lastOutboundMessageAction === 'automated')
  })
  it('status: read, unread, starred, recents, all', async () => {
    await expectFilter({ status: 'read' }, (row) => row.unreadCount === 0)
    await expectFilter({ status: 'unread' }, (row) => row.unreadCount > 0)
    await expectFilter({ status: 'starred' }, (row) => row.starred)
    await expectFilter({ status: 'recents' }, (row) => row.lastMessageDate >= TEST_NOW - RECENT_MS)
    await expectFilter({ status: 'all' }, () => true)
  })
  it('query matches names, email, phone (digits too), company and the last body, case-insensitively', async () => {
    const row = rows.find((candidate) => candidate.companyName && candidate.email && candidate.phone) ?? rows[0]
    if (!row) throw new Error('no rows')
    for (const text of [row.fullName.toUpperCase(), row.email, row.phone, row.phone.slice(2, 8), row.companyName]) {
      const { ids } = await allIds({ query: text })
      expect(ids, text).toContain(row.id)
    }
    await expectFilter({ query: 'reschedule' }, (candidate) => candidate.lastMessageBody.toLowerCase().includes('reschedule'))
    expect((await allIds({ query: 'zzzz-no-such-thing' })).total).toBe(0)
  })
  it('query ignores HTML markup in email bodies', async () => {
    expect((await allIds({ query: '<p>' })).total).toBe(0)
  })
  it('score range on a profile, inclusive', async () => {
    const profile = profiles[1]?.id ?? ''
    const score = (row: (typeof rows)[number]) => row.scoring.find((entry) => entry.profileId === profile)?.score ?? 0
    await expectFilter({ scoreProfile: profile, scoreProfileMin: 50, scoreProfileMax: 70 }, (row) => score(row) >= 50 && score(row) <= 70)
  })
  it('startDate and endDate bound dateAdded, inclusive', async () => {
    const start = TEST_NOW - 60 * 86_400_000
    const end = TEST_NOW - 20 * 86_400_000
    await expectFilter({ startDate: start, endDate: end }, (row) => row.dateAdded >= start && row.dateAdded <= end)
  })
  it('filters AND together', async () => {
    await expectFilter(
      { status: 'unread', lastMessageDirection: 'inbound', assignedTo: assignee },
      (row) => row.unreadCount > 0 && row.lastMessageDirection === 'inbound' && row.assignedTo === assignee,
    )
  })
})

describe('sorts', () => {
  const sortsOf = async (params: Record<string, string | number>) =>
    ((await client.search({ ...params, limit: 100 })).body.conversations as Wire[]).map((c) => c.sort)

  it('defaults to last_message_date desc, limit 20, with the date in sort', async () => {
    const conversations = (await client.search()).body.conversations as Wire[]
    expect(conversations).toHaveLength(20)
    for (const conversation of conversations) expect(conversation.sort).toEqual([conversation.lastMessageDate])
    const dates = conversations.map((c) => c.lastMessageDate as number)
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
  })
  it.each([
    ['last_message_date', 'asc'],
    ['last_message_date', 'desc'],
    ['last_manual_message_date', 'asc'],
    ['last_manual_message_date', 'desc'],
  ])('%s %s orders by one value', async (sortBy, sort) => {
    const values = (await sortsOf({ sortBy, sort })).map((value) => {
      expect(value).toHaveLength(1)
      return value[0] as number
    })
    expect(values).toEqual([...values].sort((a, b) => (sort === 'asc' ? a - b : b - a)))
  })
  it.each(['asc', 'desc'])('score_profile %s orders by score, then last message date', async (sort) => {
    const profile = profiles[0]?.id ?? ''
    const values = await sortsOf({ sortBy: 'score_profile', sortScoreProfile: profile, sort })
    const sign = sort === 'asc' ? 1 : -1
    for (let i = 1; i < values.length; i++) {
      const [a0 = 0, a1 = 0] = values[i - 1] ?? []
      const [b0 = 0, b1 = 0] = values[i] ?? []
      expect(sign * (b0 - a0) > 0 || (b0 === a0 && sign * (b1 - a1) >= 0)).toBe(true)
    }
  })
  it('startAfterDate returns items strictly after the cursor, skipping its ties', async () => {
    const burstDate = rows.find((row, i) => rows.some((other, j) => j !== i && other.lastMessageDate === row.lastMessageDate))?.lastMessageDate ?? 0
    const page = (await client.search({ startAfterDate: burstDate, limit: 100 })).body.conversations as Wire[]
    expect(page.every((c) => (c.sort[0] as number) < burstDate)).toBe(true)
    const ascending = (await client.search({ startAfterDate: burstDate, sort: 'asc', limit: 100 })).body.conversations as Wire[]
    expect(ascending.every((c) => (c.sort[0] as number) > burstDate)).toBe(true)
  })
  it('the data has runs of equal dates and equal scores', () => {
    const counts = new Map<number, number>()
    for (const row of rows) counts.set(row.lastMessageDate, (counts.get(row.lastMessageDate) ?? 0) + 1)
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(2)
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(50)
  })
})
