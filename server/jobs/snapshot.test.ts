import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW } from '../../src/api/schemas/search-view'
import { parseSearchAnswer, snapshotView, type SnapshotPage } from './snapshot.ts'

const row = (id: string, date: number) => ({ id, contactId: `C${id}`, unreadCount: 1, sort: [date], dateAdded: 1 })

describe('parseSearchAnswer', () => {
  it('keeps what a job needs of each conversation, and pages past an item that is not one', () => {
    const page = parseSearchAnswer(
      { conversations: [{ ...row('a', 5), starred: true, assignedTo: null }, { sort: [4] }, 'junk', { id: 'b', lastMessageDate: 3 }], total: 9 },
      'last_message_date',
    )
    expect(page.total).toBe(9)
    expect(page.rows.map((entry) => entry.paged.sort)).toEqual([[5], [4], null, [3]])
    expect(page.rows.map((entry) => entry.item)).toEqual([
      { id: 'a', contactId: 'Ca', unreadCount: 1, starred: true, assignedTo: null },
      undefined,
      undefined,
      { id: 'b' },
    ])
  })
})

describe('snapshotView', () => {
  it('hands each conversation on once, at its first place, however often pages repeat it', async () => {
    const answers = [
      // A full page of 100 (limit 100) whose last item is asked for again on the next page.
      Array.from({ length: 100 }, (_, index) => row(`r${index}`, 1000 - index)),
      [row('r99', 901), row('r0', 900), row('s1', 899)],
    ]
    const queries: URLSearchParams[] = []
    const seen: string[] = []
    const result = await snapshotView(
      { ...DEFAULT_VIEW, status: 'unread' },
      (query): Promise<SnapshotPage> => {
        queries.push(query)
        return Promise.resolve(parseSearchAnswer({ conversations: answers[queries.length - 1] ?? [], total: 101 }, 'last_message_date'))
      },
      (items) => {
        seen.push(...items.map((item) => item.id))
        return Promise.resolve()
      },
      () => 0,
    )
    expect(result).toEqual({ pages: 2, gap: false })
    expect(seen).toHaveLength(101)
    expect(new Set(seen).size).toBe(101)
    expect(queries.map((query) => [query.get('limit'), query.get('startAfterDate'), query.get('status')])).toEqual([
      ['100', null, 'unread'],
      ['100', '902', 'unread'],
    ])
  })
})
