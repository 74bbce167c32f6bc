import { onlineManager } from '@tanstack/react-query'
import { useState, useSyncExternalStore } from 'react'
import { describeError, type ErrorDescription } from '../../api/describe-error'
import { ApiError } from '../../api/http'
import type { SearchView } from '../../api/schemas/search-view'
import { Icon, ICONS } from '../../components/ui/icon'
import { Notice } from '../../components/ui/notice'
import { RetryNotice } from '../../components/ui/retry-notice'
import { retryAt } from '../../lib/retry-policy'
import { formatCount, formatNumber } from '../../lib/count-text'
import { useViewChips } from '../../view/use-view-chips'
import { chipName, filterChips } from '../../view/view-chips'

const buttonClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800'

export function EmptyState({ view, onClearFilters }: { view: SearchView; onClearFilters: (() => void) | undefined }) {
  // The filters in the words of their chips, each phrase once ("Assignee: Dana Reyes").
  const filters = filterChips(useViewChips(view).chips).map(chipName)
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center" role="status">
      <span className="grid size-12 place-items-center rounded-full bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400">
        <Icon paths={ICONS.search} className="size-6" />
      </span>
      <h2 className="text-base font-semibold">
        {filters.length > 0 ? 'No conversations match these filters' : 'No conversations yet'}
      </h2>
      {filters.length > 0 && (
        <ul aria-label="Filters on" className="flex max-w-xl flex-wrap justify-center gap-1.5">
          {filters.map((filter) => (
            <li
              key={filter}
              dir="auto"
              className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300"
            >
              {filter}
            </li>
          ))}
        </ul>
      )}
      {filters.length > 0 && onClearFilters && (
        <button type="button" className={buttonClass} onClick={onClearFilters}>
          Clear filters
        </button>
      )}
    </div>
  )
}

export function ErrorState({ description, onRetry }: { description: ErrorDescription; onRetry: () => void }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center" role="alert">
      <span className="grid size-12 place-items-center rounded-full bg-rose-100 text-rose-700 dark:bg-rose-950 dark:text-rose-300">
        <Icon paths={ICONS.warning} className="size-6" />
      </span>
      <h2 className="text-base font-semibold">{description.title}</h2>
      <p className="max-w-lg text-sm text-slate-600 dark:text-slate-300">{description.detail}</p>
      {description.retryable && (
        <button type="button" className={buttonClass} onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}

/** The last row while more are on their way; a retry when the next page failed. */
export function LoadingMore({ error, onRetry }: { error: ErrorDescription | undefined; onRetry: () => void }) {
  if (error) {
    return (
      <>
        <span className="text-sm text-rose-700 dark:text-rose-300">
          Could not load more conversations: {error.title}.
        </span>
        {error.retryable && (
          <button type="button" className={buttonClass} onClick={onRetry}>
            Try again
          </button>
        )}
      </>
    )
  }
  return (
    <>
      <span aria-hidden="true" className="size-7 shrink-0 animate-pulse rounded-full bg-slate-200 dark:bg-slate-800" />
      <span aria-hidden="true" className="block h-2.5 w-40 animate-pulse rounded-full bg-slate-200 dark:bg-slate-800" />
      <span className="sr-only">Loading more conversations…</span>
    </>
  )
}

/** Below the last row: the list is complete (and says so if a long tie could not be listed). */
export function ListEnd({ shown, gap }: { shown: number; gap: boolean }) {
  return (
    <div className="flex flex-col items-center gap-1 py-6 text-xs text-slate-500 dark:text-slate-400" data-testid="inbox-end">
      <p className="flex items-center gap-2">
        <span aria-hidden="true" className="h-px w-8 bg-slate-300 dark:bg-slate-700" />
        End of list · all {formatNumber(shown)} shown
        <span aria-hidden="true" className="h-px w-8 bg-slate-300 dark:bg-slate-700" />
      </p>
      {gap && (
        <p className="text-amber-700 dark:text-amber-300">
          Over 100 conversations share one time and one creation date; HighLevel cannot page through all of them.
        </p>
      )}
    </div>
  )
}

/** What `InboxNotices` reads of the search query (its `useInfiniteQuery` result fits). */
interface SearchProgress {
  isFetching: boolean
  failureCount: number
  failureReason: Error | null
  data?: { pages: { skipped: number }[] }
}

/**
 * Above the rows, which stay: a countdown while a failed request waits to be tried again (a 429's
 * `Retry-After`, or the backoff after a server error), and how many items of the loaded pages
 * were not valid conversations.
 */
export function InboxNotices({ query }: { query: SearchProgress }) {
  const skipped = query.data?.pages.reduce((sum, page) => sum + page.skipped, 0) ?? 0
  const [dismissedAt, setDismissedAt] = useState(0)
  // Offline, the banner says so and React Query holds the retry until the connection is back.
  const online = useSyncExternalStore(onlineManager.subscribe.bind(onlineManager), () => onlineManager.isOnline(), () => true)
  const reason = query.failureReason
  const retrying = online && query.isFetching && query.failureCount > 0 && reason !== null
  const rateLimited = reason instanceof ApiError && reason.status === 429
  return (
    <>
      {retrying && (
        <RetryNotice
          title={rateLimited ? 'HighLevel is rate limiting us' : describeError(reason).title}
          detail={rateLimited ? 'The rows shown stay; loading carries on by itself.' : undefined}
          dueAt={retryAt(reason)}
        />
      )}
      {skipped > dismissedAt && (
        <Notice
          title={`${formatCount(skipped)} could not be shown`}
          onDismiss={() => setDismissedAt(skipped)}
        >
          <p>HighLevel sent {skipped === 1 ? 'an item' : 'items'} without the fields a conversation needs; the rest of the list is complete.</p>
        </Notice>
      )}
    </>
  )
}
