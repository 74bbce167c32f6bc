// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, type InfiniteData } from '@tanstack/react-query'
import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { messageQueries, type MessagesPage } from '../../api/list-messages'
import { useReplyThreadUpdates } from './thread-cache'

describe('useReplyThreadUpdates', () => {
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
