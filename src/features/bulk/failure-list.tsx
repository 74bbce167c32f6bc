import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { findConversation } from '../../api/conversation-cache'
import type { FailedItem } from '../../api/schemas/bulk-job'
import { focusRing } from '../../components/ui/styles'
import { knownContactName } from '../../lib/contact-name'
import { paths } from '../../lib/paths'

interface FailureListProps {
  failures: readonly FailedItem[]
  /** The current view's search (`?…` or ''): a link to a conversation keeps it. */
  currentSearch: string
}

/**
 * A finished job's "Which failed and why": each failed conversation by its contact's name (the
 * server's, else a loaded row's, else the id), a link that opens it in the current view.
 */
export function FailureList({ failures, currentSearch }: FailureListProps) {
  const queryClient = useQueryClient()
  // Read once per answer: the server names what its snapshot saw; a selection's rows may be loaded here.
  const named = useMemo(
    () =>
      failures.map((failure) => {
        const cached = failure.name === undefined ? findConversation(queryClient, failure.id) : undefined
        return { ...failure, name: failure.name ?? (cached && knownContactName(cached)) }
      }),
    [failures, queryClient],
  )
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer">Which failed and why</summary>
      <ul className="mt-1 max-h-32 list-disc overflow-y-auto pl-5">
        {named.map((failure) => (
          <li key={failure.id}>
            <Link
              to={paths.conversation.href(failure.id, currentSearch)}
              dir="auto"
              className={`rounded-sm font-medium text-blue-700 underline dark:text-blue-300 ${failure.name === undefined ? 'font-mono' : ''} ${focusRing}`}
            >
              {failure.name ?? failure.id}
            </Link>
            : {failure.reason}
          </li>
        ))}
      </ul>
    </details>
  )
}
