import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { conversationSchema } from './schemas/conversation'
import { DEFAULT_VIEW } from './schemas/search-view'
import { conversationQueries, pagingFieldsSchema, toSearchPage } from './search-conversations'

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

describe('the list and its live head', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('ask HighLevel for the first page once, and parse each item once, by one schema', async () => {
    const answer = { conversations: [item({ sort: [5] }), item({ id: 'c2', sort: [4] })], total: 2 }
    const fetchMock = vi.fn(async () => Response.json(answer))
    vi.stubGlobal('fetch', fetchMock)
    const conversationParses = vi.spyOn(conversationSchema, 'safeParse')
    const pagingParses = vi.spyOn(pagingFieldsSchema, 'safeParse')
    const queryClient = new QueryClient()

    await queryClient.fetchInfiniteQuery(conversationQueries.search(DEFAULT_VIEW))
    // The live refresh starts as the list is shown: it has the list's first page already.
    const head = new QueryObserver(queryClient, conversationQueries.head(DEFAULT_VIEW))
    const unsubscribe = head.subscribe(() => {})
    expect(head.getCurrentResult().data?.conversations.map((conversation) => conversation.id)).toEqual(['c1', 'c2'])
    expect(head.getCurrentResult().isFetching).toBe(false)
    unsubscribe()
    queryClient.clear()

    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(conversationParses).toHaveBeenCalledTimes(2)
    expect(pagingParses).not.toHaveBeenCalled()
  })
})
