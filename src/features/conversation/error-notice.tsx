import { describeError } from '../../api/describe-error'
import { ApiError } from '../../api/http'

interface ErrorNoticeProps {
  /** What could not be loaded, e.g. "the messages". */
  what: string
  error: Error
  onRetry: () => void
}

/** A failed load: what, why in plain words, and Retry where trying again can help. */
export function ErrorNotice({ what, error, onRetry }: ErrorNoticeProps) {
  const notFound = error instanceof ApiError && error.status === 404
  const { title, detail, retryable } = notFound
    ? { title: 'Conversation not found', detail: 'It may have been deleted, or the link is wrong.', retryable: false }
    : describeError(error)
  return (
    <div role="alert" className="m-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <p className="font-medium">
        Could not load {what}: {title}
      </p>
      <p className="mt-1 wrap-anywhere">{detail}</p>
      {retryable && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 rounded-md border border-red-300 bg-white px-3 py-1 font-medium hover:bg-red-100 dark:border-red-800 dark:bg-red-900/40 dark:hover:bg-red-900"
        >
          Retry
        </button>
      )}
    </div>
  )
}
