import { hashKey, useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { describeError } from '../../api/describe-error'
import type { Conversation } from '../../api/schemas/conversation'
import type { SearchView } from '../../api/schemas/search-view'
import { conversationQueries } from '../../api/search-conversations'
import { createPageMerger } from '../../api/search-paging'
import { formatCount } from '../../lib/count-text'
import { DEFAULT_DENSITY, type Density } from '../../lib/density'
import { DEFAULT_RESPONSE_TARGET_MS } from '../../lib/waiting-time'
import type { TickedRowsApi } from '../../view/use-ticked-rows'
import { ConversationGrid } from './conversation-grid'
import { EmptyState, ErrorState, InboxNotices, ListEnd, LoadingMore } from './inbox-states'
import { NewArrivalsButton } from './new-arrivals-button'
import { NO_ROW_MARKS, RowMarksContext, type RowMarks } from './row-marks'
import { ResponseTargetContext } from './response-target'
import { TickingContext } from './tick-boxes'
import { useKeptRows } from './use-kept-rows'
import { useLiveHead } from './use-live-head'
import type { TickedAction } from './use-row-action-keys'

export interface InboxTableProps {
  view: SearchView
  /** The conversation open beside the list, marked selected (aria-selected). */
  selectedConversationId?: string
  /** Called with a conversation's id when its row is clicked, or Enter/Space pressed on it. */
  onOpenConversation?: (id: string) => void
  /** Offered in the empty state when filters are on. */
  onClearFilters?: () => void
  /** Row height: `comfortable` (the default, as in preferences) or `compact`. */
  density?: Density
  /** The response-time target the Waiting column is coloured against, in ms. */
  responseTargetMs?: number
  /** Shown with the empty state, e.g. which filter emptied the view. */
  emptyHint?: ReactNode
  /** `u`/`s`/`a` while rows are ticked: the bulk actions act on them (the current row's otherwise). */
  onActOnTicked?: (action: TickedAction) => void
  /** Marks the app draws on rows (drafts kept in this browser). */
  rowMarks?: RowMarks
  /** The ticked rows: each row and the header get a box (none when undefined, e.g. read-only). */
  ticking?: TickedRowsApi
  /** Drawn above the rows while some are ticked: what to do with them. */
  selectionBar?: (list: ShownList) => ReactNode
}

/** What the list shows of its view, for the selection bar. */
export interface ShownList {
  conversations: Conversation[]
  total: number | undefined
}

/**
 * The inbox list for a view. A new view starts a fresh list (scrolled to the top, skeleton
 * rows while it loads), never the previous view's rows.
 */
export function InboxTable(props: InboxTableProps) {
  const viewKey = hashKey(conversationQueries.search(props.view).queryKey)
  return <InboxResults key={viewKey} {...props} />
}

function InboxResults({
  view,
  selectedConversationId,
  onOpenConversation,
  onClearFilters,
  density = DEFAULT_DENSITY,
  responseTargetMs = DEFAULT_RESPONSE_TARGET_MS,
  emptyHint,
  ticking,
  selectionBar,
  onActOnTicked,
  rowMarks = NO_ROW_MARKS,
}: InboxTableProps) {
  const query = useInfiniteQuery(conversationQueries.search(view))
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query
  const [mergePages] = useState(createPageMerger)
  const merged = useMemo(() => mergePages(data?.pages ?? []), [mergePages, data?.pages])
  const [atTop, setAtTop] = useState(true)
  // Bumped when the list is replaced from the top: a fresh grid starts there.
  const [generation, setGeneration] = useState(0)
  const live = useLiveHead(view, data, merged.conversations, atTop)
  const kept = useKeptRows(live.conversations)
  const { showNew: replaceFromTop } = live
  const { forget } = kept
  const showNew = useCallback(() => {
    void replaceFromTop().then(() => {
      forget()
      setGeneration((value) => value + 1)
    })
  }, [replaceFromTop, forget])
  const total = data?.pages[0]?.total
  const gap = data?.pageParams.some((param) => param.gap) ?? false
  const ids = useMemo(() => live.conversations.map((conversation) => conversation.id), [live.conversations])
  const tickingValue = useMemo(() => (ticking ? { api: ticking, ids } : undefined), [ticking, ids])

  const onNearEnd = useCallback(() => {
    if (!isFetchingNextPage && !isFetchNextPageError) void fetchNextPage()
  }, [isFetchingNextPage, isFetchNextPageError, fetchNextPage])

  const status = query.isPending
    ? 'Loading conversations…'
    : total === undefined
      ? ''
      : formatCount(total)

  let body
  if (query.isError && !data) {
    body = <ErrorState description={describeError(query.error)} onRetry={() => void query.refetch()} />
  } else if (data && merged.conversations.length === 0 && !hasNextPage) {
    body = (
      <div className="flex flex-1 flex-col">
        <EmptyState view={view} onClearFilters={onClearFilters} />
        {emptyHint && <div className="flex justify-center px-8 pb-8">{emptyHint}</div>}
      </div>
    )
  } else {
    body = (
      <ConversationGrid
        key={generation}
        loading={query.isPending}
        density={density}
        onAtTopChange={setAtTop}
        conversations={kept.rows}
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
        onActOnTicked={onActOnTicked}
      />
    )
  }

  return (
    <section aria-label="Inbox" className="flex min-h-0 flex-1 flex-col">
      <div className="flex h-10 shrink-0 items-center justify-between gap-4 border-b border-slate-200 px-4 dark:border-slate-800">
        <p className="text-sm font-medium text-slate-700 dark:text-slate-200" aria-live="polite">
          {query.isError && !data ? 'Could not load conversations' : status}
        </p>
        {live.changes.newCount > 0 && !atTop && (
          <NewArrivalsButton count={live.changes.newCount} more={live.changes.more} onClick={showNew} />
        )}
        {query.isRefetching && (
          <span className="text-xs text-slate-500 dark:text-slate-400">Updating…</span>
        )}
      </div>
      <InboxNotices query={query} />
      {ticking?.any && selectionBar?.({ conversations: live.conversations, total })}
      <TickingContext value={tickingValue}>
        <ResponseTargetContext value={responseTargetMs}>
          <RowMarksContext value={rowMarks}>{body}</RowMarksContext>
        </ResponseTargetContext>
      </TickingContext>
    </section>
  )
}
