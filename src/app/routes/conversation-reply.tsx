import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo, useRef } from 'react'
import { configQueries } from '../../api/get-config'
import { conversationDetailQueries } from '../../api/get-conversation'
import { messageQueries } from '../../api/list-messages'
import { userQueries } from '../../api/list-users'
import type { Conversation } from '../../api/schemas/conversation'
import { highLevelConversationUrl } from '../../features/conversation/highlevel-link'
import { usePreferences } from '../../features/preferences/use-preferences'
import { ReplyComposer, type ReplyComposerHandle } from '../../features/reply/reply-composer'
import { useReplyThreadUpdates } from '../../features/reply/thread-cache'
import { cleanLine } from '../../lib/plain-text'
import { useShortcuts } from '../../lib/use-shortcuts'

export interface ConversationReplyProps {
  conversationId: string
  /** The row from the inbox list, when there is one: its contact and channel, before the detail loads. */
  conversation?: Conversation
}

/**
 * The pane's reply box: the composer fed from the queries the pane already holds (shared from
 * the cache), the `r` key, and the thread and list updates of a reply sent.
 */
export function ConversationReply({ conversationId, conversation }: ConversationReplyProps) {
  const composer = useRef<ReplyComposerHandle>(null)
  const { data: detail } = useQuery(conversationDetailQueries.detail(conversationId))
  const { data: config } = useQuery(configQueries.config())
  const { data: userNames } = useQuery(userQueries.names())
  const { data: thread } = useInfiniteQuery(messageQueries.list(conversationId))
  const { myUserId } = usePreferences()
  const updates = useReplyThreadUpdates(conversationId)
  useShortcuts({ reply: () => composer.current?.focus() })

  const messages = useMemo(() => thread?.pages.flatMap((page) => page.messages) ?? [], [thread])
  const row = conversation?.id === conversationId ? conversation : undefined
  const source = detail ?? row
  const contact = useMemo(
    () => ({
      name: cleanLine(source?.fullName) || cleanLine(source?.contactName) || undefined,
      email: source?.email,
      phone: source?.phone,
    }),
    [source?.fullName, source?.contactName, source?.email, source?.phone],
  )
  if (!source || !config) return null
  const locationId = source.locationId || config.locationId
  return (
    <ReplyComposer
      ref={composer}
      {...updates}
      conversationId={conversationId}
      contactId={source.contactId}
      locationId={locationId}
      locationName={config.locationName}
      contact={contact}
      conversationType={row?.type ?? detail?.type}
      messages={messages}
      readOnly={config.readOnly}
      highLevelUrl={highLevelConversationUrl(config.appUrl, locationId, conversationId)}
      userName={myUserId ? userNames?.get(myUserId) : undefined}
    />
  )
}
