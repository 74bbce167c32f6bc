import { useEffect, useState } from 'react'

/**
 * A request failed and is being tried again: says why, and counts down to the next attempt. The
 * countdown itself is hidden from screen readers, which would otherwise hear it every second.
 */
export function RetryNotice({ title, detail, dueAt }: { title: string; detail?: string; dueAt: number | undefined }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [dueAt])
  const seconds = dueAt === undefined ? undefined : Math.max(0, Math.ceil((dueAt - now) / 1000))
  return (
    <div
      role="status"
      data-testid="retry-notice"
      className="flex items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-950 dark:border-sky-900/60 dark:bg-sky-950/40 dark:text-sky-100"
    >
      <span aria-hidden="true" className="size-3 shrink-0 animate-spin rounded-full border-2 border-sky-600 border-t-transparent" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">{title}</span>
        <span aria-hidden="true">
          {' — '}
          {seconds ? `retrying in ${seconds} s` : 'retrying now…'}
        </span>
        <span className="sr-only"> — retrying shortly.</span>
        {detail && <span className="block text-xs text-sky-800 dark:text-sky-200">{detail}</span>}
      </p>
    </div>
  )
}
