import { hashKey, useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { describeError } from '../../api/describe-error'
import type { SearchView } from '../../api/schemas/search-view'
import { conversationQueries } from '../../api/search-conversations'
import { mergePages } from '../../api/search-paging'
import { ConversationGrid } from './conversation-grid'
import { EmptyState, ErrorState, InboxNotices, ListEnd, LoadingMore } from './inbox-states'

export interface InboxTableProps {
  view: SearchView
  /** The conversation open beside the list, marked selected (aria-selected). */
  selectedConversationId?: string
  /** Called with a conversation's id when its row is clicked, or Enter/Space pressed on it. */
  onOpenConversation?: (id: string) => void
  /** Offered in the empty state when filters are on. */
  onClearFilters?: () => void
}

const count = new Intl.NumberFormat()

/**
 * The inbox list for a view. A new view starts a fresh list (scrolled to the top, skeleton
 * rows while it loads), never the previous view's rows.
 */
export function InboxTable(props: InboxTableProps) {
  const viewKey = hashKey(conversationQueries.search(props.view).queryKey)
  return <InboxResults key={viewKey} {...props} />
}

function InboxResults({ view, selectedConversationId, onOpenConversation, onClearFilters }: InboxTableProps) {
  const query = useInfiniteQuery(conversationQueries.search(view))
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query
  const merged = useMemo(() => mergePages(data?.pages ?? []), [data?.pages])
  const total = data?.pages[0]?.total
  const gap = data?.pageParams.some((param) => param.gap) ?? false

  const onNearEnd = useCallback(() => {
    if (!isFetchingNextPage && !isFetchNextPageError) void fetchNextPage()
  }, [isFetchingNextPage, isFetchNextPageError, fetchNextPage])

  const status = query.isPending
    ? 'Loading conversations…'
    : total === undefined
      ? ''
      : `${count.format(total)} ${total === 1 ? 'conversation' : 'conversations'}`

  let body
  if (query.isError && !data) {
    body = <ErrorState description={describeError(query.error)} onRetry={() => void query.refetch()} />
  } else if (data && merged.conversations.length === 0 && !hasNextPage) {
    body = <EmptyState view={view} onClearFilters={onClearFilters} />
  } else {
    body = (
      <ConversationGrid
        loading={query.isPending}
        conversations={merged.conversations}
        total={total}
        hasMore={hasNextPage}
        prefetchRows={2 * view.limit}
        onNearEnd={onNearEnd}
        loaderRow={
          <LoadingMore
            error={isFetchNextPageError ? describeError(query.error) : undefined}
            onRetry={() => void fetchNextPage()}
          />
        }
        footer={!hasNextPage && data ? <ListEnd shown={merged.conversations.length} gap={gap} /> : null}
        selectedConversationId={selectedConversationId}
        onOpenConversation={onOpenConversation}
      />
    )
  }

  return (
    <section aria-label="Inbox" className="flex min-h-0 flex-1 flex-col">
      <div className="flex h-10 shrink-0 items-center justify-between gap-4 border-b border-slate-200 px-4 dark:border-slate-800">
        <p className="text-sm font-medium text-slate-700 dark:text-slate-200" aria-live="polite">
          {query.isError && !data ? 'Could not load conversations' : status}
        </p>
        {query.isRefetching && (
          <span className="text-xs text-slate-500 dark:text-slate-400">Updating…</span>
        )}
      </div>
      <InboxNotices query={query} />
      {body}
    </section>
  )
}
