import { useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { messageQueries } from '../../api/list-messages'
import type { Message } from '../../api/schemas/message'
import { ErrorNotice } from './error-notice'
import { MessageItem } from './message-item'

/** A conversation's messages, newest first; older pages on request. */
export function MessageList({ conversationId }: { conversationId: string }) {
  const query = useInfiniteQuery(messageQueries.list(conversationId))
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage } = query
  const messages = useMemo(() => {
    // A message that arrives between two page loads can shift one into the next page twice.
    const seen = new Set<string>()
    const unique: Message[] = []
    for (const message of data?.pages.flatMap((page) => page.messages) ?? []) {
      if (seen.has(message.id)) continue
      seen.add(message.id)
      unique.push(message)
    }
    return unique
  }, [data])

  if (!data) {
    return query.isError ? (
      <ErrorNotice what="the messages" error={query.error} onRetry={() => void query.refetch()} />
    ) : (
      <p role="status" className="p-4 text-sm text-slate-500 dark:text-slate-400">
        Loading messages…
      </p>
    )
  }
  if (messages.length === 0) {
    return <p className="p-4 text-sm text-slate-500 dark:text-slate-400">No messages in this conversation yet.</p>
  }
  return (
    <div className="flex flex-col gap-3 p-4">
      <ol aria-label="Messages, newest first" className="flex flex-col gap-3">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </ol>
      {query.isFetchNextPageError ? (
        <ErrorNotice what="older messages" error={query.error} onRetry={() => void fetchNextPage()} />
      ) : hasNextPage ? (
        <button
          type="button"
          onClick={() => void fetchNextPage()}
          disabled={isFetchingNextPage}
          className="self-center rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {isFetchingNextPage ? 'Loading older messages…' : 'Load older messages'}
        </button>
      ) : (
        <p className="text-center text-xs text-slate-500 dark:text-slate-400">Start of the conversation</p>
      )}
    </div>
  )
}
