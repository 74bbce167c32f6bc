// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, type InfiniteData } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { messageQueries, type MessagesPage } from '../../api/list-messages'
import { conversationKeys } from '../../api/query-keys'
import { DEFAULT_VIEW } from '../../api/schemas/search-view'
import type { SearchPage } from '../../api/search-conversations'
import { firstPageParam } from '../../api/search-paging'
import { repliedPatch, useReplyThreadUpdates } from './thread-cache'

describe('useReplyThreadUpdates', () => {
  it('makes a sent reply the last message of the cached rows and raises them to the top', () => {
    const client = new QueryClient()
    const row = (id: string) => ({ id, contactId: `k${id}`, locationId: 'loc', lastMessageDirection: 'inbound' })
    const page: SearchPage = { conversations: [row('c0'), row('c1')], total: 2, skipped: 0, items: [] }
    client.setQueryData(conversationKeys.search(DEFAULT_VIEW), { pages: [page], pageParams: [firstPageParam(DEFAULT_VIEW)] })
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
    const { result } = renderHook(() => useReplyThreadUpdates('c1'), { wrapper })
    result.current.onSent({ id: 'm9', body: 'On my way', direction: 'outbound', messageType: 'TYPE_SMS' }, 'pending-1')
    const rows = client.getQueryData<{ pages: SearchPage[] }>(conversationKeys.search(DEFAULT_VIEW))?.pages[0]?.conversations
    expect(rows?.map((conversation) => conversation.id)).toEqual(['c1', 'c0'])
    expect(rows?.[0]).toMatchObject({ lastMessageBody: 'On my way', lastMessageDirection: 'outbound', lastOutboundMessageAction: 'manual' })
  })

  it('puts the pending reply on top of the cached thread, then swaps in HighLevel’s, or takes it away', () => {
    const client = new QueryClient()
    const { queryKey } = messageQueries.list('c1')
    client.setQueryData<InfiniteData<MessagesPage, string | null>>(queryKey, {
      pages: [{ messages: [{ id: 'm1' }], nextCursor: undefined, skipped: 0 }],
      pageParams: [null],
    })
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
    const { result } = renderHook(() => useReplyThreadUpdates('c1'), { wrapper })
    const ids = () => client.getQueryData<InfiniteData<MessagesPage>>(queryKey)?.pages[0]?.messages.map((message) => message.id)

    result.current.onSending({ id: 'pending-1', status: 'Sending…' })
    expect(ids()).toEqual(['pending-1', 'm1'])
    result.current.onSent({ id: 'm2', status: 'sent' }, 'pending-1')
    expect(ids()).toEqual(['m2', 'm1'])
    result.current.onSent({ id: 'm2' }, 'pending-gone')
    expect(ids()).toEqual(['m2', 'm1'])
    result.current.onSending({ id: 'pending-3' })
    result.current.onSendFailed('pending-3')
    expect(ids()).toEqual(['m2', 'm1'])
  })
})

describe('repliedPatch', () => {
  it('makes the reply the outbound, manual last message, dated by HighLevel or now', () => {
    expect(repliedPatch({ id: 'm', body: 'Hi', messageType: 'TYPE_SMS', dateAdded: '2024-01-02T03:04:05.000Z' })).toEqual({
      lastMessageBody: 'Hi',
      lastMessageDate: Date.parse('2024-01-02T03:04:05.000Z'),
      lastManualMessageDate: Date.parse('2024-01-02T03:04:05.000Z'),
      lastMessageDirection: 'outbound',
      lastMessageType: 'TYPE_SMS',
      lastOutboundMessageAction: 'manual',
      dateUpdated: Date.parse('2024-01-02T03:04:05.000Z'),
    })
    expect(repliedPatch({ id: 'm' }, 42)).toMatchObject({ lastMessageDate: 42, lastMessageBody: '' })
  })
})
