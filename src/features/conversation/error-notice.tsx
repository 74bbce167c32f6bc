import { ApiError, ResponseShapeError } from '../../api/http'

/** What went wrong, in words an agent can act on. */
export function describeError(error: Error): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return 'HighLevel does not know this conversation: it may have been deleted.'
    if (error.status === 401) return 'HighLevel refused the access token (401).'
    if (error.status === 403) return 'This conversation belongs to another location or the token may not read it (403).'
    if (error.status === 429) return 'Too many requests to HighLevel right now; wait a moment.'
    return `HighLevel answered with an error (${error.status}): ${error.message}`
  }
  if (error instanceof ResponseShapeError) return 'HighLevel answered in a shape this app does not understand.'
  return 'Could not reach the server. Check the connection.'
}

interface ErrorNoticeProps {
  /** What could not be loaded, e.g. "the messages". */
  what: string
  error: Error
  onRetry: () => void
}

export function ErrorNotice({ what, error, onRetry }: ErrorNoticeProps) {
  return (
    <div role="alert" className="m-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <p className="font-medium">Could not load {what}.</p>
      <p className="mt-1">{describeError(error)}</p>
      <button
        type="button"
        onClick={onRetry}
        className="mt-2 rounded-md border border-red-300 bg-white px-3 py-1 font-medium hover:bg-red-100 dark:border-red-800 dark:bg-red-900/40 dark:hover:bg-red-900"
      >
        Retry
      </button>
    </div>
  )
}
