import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useId, type ReactNode } from 'react'
import { configQueries } from '../../api/get-config'
import { conversationDetailQueries } from '../../api/get-conversation'
import { messageQueries } from '../../api/list-messages'
import { userQueries } from '../../api/list-users'
import type { Conversation } from '../../api/schemas/conversation'
import { CloseButton } from '../../components/ui/close-button'
import { WaitingBadge } from '../../components/ui/waiting-badge'
import { useEscapeLayer } from '../../lib/escape-layers'
import { conversationTypeLabel } from '../../lib/labels'
import { cleanLine } from '../../lib/plain-text'
import { useNow } from '../../lib/use-now'
import { DEFAULT_RESPONSE_TARGET_MS, type WaitingFields } from '../../lib/waiting-time'
import { BackButton } from './back-button'
import { ContactDetails } from './contact-details'
import { ErrorNotice } from './error-notice'
import { highLevelConversationUrl } from './highlevel-link'
import { MessageList } from './message-list'
import { PaneActions } from './pane-actions'

export interface ConversationPaneProps {
  conversationId: string
  /** The row from the inbox list, when the pane was opened from it: shown at once. */
  conversation?: Conversation
  onClose: () => void
  /** The response-time target for the waiting badge (preferences). */
  responseTargetMs?: number
  /** "Who am I" (preferences): the assignee reads "You" when it is this user. */
  currentUserId?: string
  /** Opening an unread conversation marks it read (preferences). */
  markReadOnOpen?: boolean
  /** Below the thread: the reply composer, composed by the app (features do not import each other). */
  reply?: ReactNode
}

/** The preview of one conversation: who it is with, its messages, and a way into HighLevel. */
export function ConversationPane({
  conversationId,
  conversation,
  onClose,
  responseTargetMs = DEFAULT_RESPONSE_TARGET_MS,
  currentUserId,
  markReadOnOpen = false,
  reply,
}: ConversationPaneProps) {
  const titleId = useId()
  // A row left over from the previous selection must not label this conversation.
  const row = conversation?.id === conversationId ? conversation : undefined
  const now = useNow()
  useEscapeLayer(true, onClose)
  const detailQuery = useQuery(conversationDetailQueries.detail(conversationId))
  const detail = detailQuery.data
  const { data: config } = useQuery(configQueries.config())
  const { data: userNames } = useQuery(userQueries.names())
  // The same query as the message list's: shared from the cache, not fetched twice.
  const newest = useInfiniteQuery(messageQueries.list(conversationId)).data?.pages[0]?.messages[0]

  const source = row ?? detail
  const name =
    cleanLine(source?.fullName) || cleanLine(source?.contactName) || cleanLine(source?.email) || cleanLine(source?.phone)
  const assignedTo = detail?.assignedTo ?? row?.assignedTo
  const assignee = assignedTo
    ? assignedTo === currentUserId
      ? 'You'
      : cleanLine(userNames?.get(assignedTo) ?? assignedTo)
    : undefined
  const locationId = source?.locationId ?? config?.locationId ?? ''
  const highLevelUrl = highLevelConversationUrl(config?.appUrl, locationId, conversationId)
  // The newest message is the freshest word on who is waiting; `GET /conversations/{id}` may not say.
  const waitingFields: WaitingFields = newest
    ? { lastMessageDirection: newest.direction, lastMessageDate: newest.dateAdded ? Date.parse(newest.dateAdded) : null }
    : (row ?? detail ?? {})

  return (
    <section aria-labelledby={titleId} className="flex h-full min-h-0 min-w-0 flex-col">
      <header className="flex items-start gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <BackButton onBack={onClose} />
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <h2 id={titleId} dir="auto" className="truncate text-base font-semibold" title={name || undefined}>
            {name || (source ? 'Unknown contact' : 'Conversation')}
          </h2>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <WaitingBadge conversation={waitingFields} now={now} targetMs={responseTargetMs} />
            {highLevelUrl && (
              <a
                href={highLevelUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium text-blue-700 underline dark:text-blue-300"
              >
                Open in HighLevel
              </a>
            )}
          </div>
        </div>
        <PaneActions conversation={detail ?? row} markReadOnOpen={markReadOnOpen} />
        <CloseButton label="Close conversation" onClose={onClose} />
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {source ? (
          <ContactDetails
            facts={{
              email: source.email,
              phone: source.phone,
              companyName: source.companyName,
              channel: conversationTypeLabel(row?.type ?? detail?.type),
              assignee,
              tags: row?.tags,
              starred: detail?.starred ?? row?.starred,
            }}
          />
        ) : detailQuery.isError ? (
          <ErrorNotice what="the conversation" error={detailQuery.error} onRetry={() => void detailQuery.refetch()} />
        ) : (
          <p role="status" className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">
            Loading conversation…
          </p>
        )}
        <MessageList conversationId={conversationId} />
      </div>
      {reply}
    </section>
  )
}
