import { describe, expect, it } from 'vitest'
import { toSearchPage } from './search-conversations'

const item = (fields: Record<string, unknown>) => ({ id: 'c1', contactId: 'k1', locationId: 'l1', ...fields })

describe('toSearchPage', () => {
  it('skips an invalid item but still counts it for paging', () => {
    const page = toSearchPage({ conversations: [item({ sort: [5] }), { id: 42, sort: [4] }], total: 2 }, 'last_message_date')
    expect(page.conversations.map((conversation) => conversation.id)).toEqual(['c1'])
    expect(page.skipped).toBe(1)
    expect(page.items.map((paged) => paged.sort)).toEqual([[5], [4]])
  })

  it('skips an item whose date no Date can hold (it would throw when the row formats it)', () => {
    const page = toSearchPage({ conversations: [item({ lastMessageDate: 1e20 })], total: 1 }, 'last_message_date')
    expect(page.skipped).toBe(1)
  })

  it('keeps a conversation whose sort value is malformed, falling back to the sorted field', () => {
    const page = toSearchPage(
      { conversations: [item({ sort: [null], lastMessageDate: 1700, dateAdded: 9 })], total: 1 },
      'last_message_date',
    )
    expect(page.conversations).toHaveLength(1)
    expect(page.conversations[0]?.sort).toEqual([1700])
    expect(page.items).toEqual([{ sort: [1700], dateAdded: 9 }])
  })

  it('has no sort value for a score sort without `sort`', () => {
    const page = toSearchPage({ conversations: [item({ lastMessageDate: 1700 })], total: 1 }, 'score_profile')
    expect(page.items[0]?.sort).toBeNull()
    expect(page.conversations).toHaveLength(1)
  })
})
