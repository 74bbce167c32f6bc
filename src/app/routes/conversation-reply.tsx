import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { configQueries } from '../../api/get-config'
import { conversationDetailQueries } from '../../api/get-conversation'
import { messageQueries } from '../../api/list-messages'
import { userQueries } from '../../api/list-users'
import type { Conversation } from '../../api/schemas/conversation'
import type { Message } from '../../api/schemas/message'
import { highLevelConversationUrl } from '../../features/conversation/highlevel-link'
import { usePreferences } from '../../features/preferences/use-preferences'
import { findOtherReply } from '../../features/reply/other-reply'
import { ReplyComposer, type ReplyComposerHandle } from '../../features/reply/reply-composer'
import type { OtherReply } from '../../features/reply/reply-form'
import { useReplyThreadUpdates } from '../../features/reply/thread-cache'
import { useDraft } from '../../features/reply/use-drafts'
import { useThreadCatchUp } from '../../features/reply/use-thread-catch-up'
import { cleanLine } from '../../lib/plain-text'
import { nameOf, presenceText, replyAuthors, setOwnPresence, teamPresence } from '../../lib/presence-store'
import { useShortcuts } from '../../lib/use-shortcuts'

export interface ConversationReplyProps {
  conversationId: string
  /** The row from the inbox list, when there is one: its contact and channel, before the detail loads. */
  conversation?: Conversation
}

/**
 * The pane's reply box: the composer fed from the queries the pane already holds (shared from
 * the cache), the `r` key, the thread and list updates of a reply sent, who else is on the
 * conversation, and the warning before answering over a reply someone else sent since it opened.
 */
export function ConversationReply({ conversationId, conversation }: ConversationReplyProps) {
  const composer = useRef<ReplyComposerHandle>(null)
  const { data: detail } = useQuery(conversationDetailQueries.detail(conversationId))
  const { data: config } = useQuery(configQueries.config())
  const { data: userNames } = useQuery(userQueries.names())
  const { data: thread, isFetching: threadFetching } = useInfiniteQuery(messageQueries.list(conversationId))
  const queryClient = useQueryClient()
  const { beforeSend } = useThreadCatchUp(conversationId)
  const { myUserId } = usePreferences()
  const threadUpdates = useReplyThreadUpdates(conversationId)
  useShortcuts({ reply: () => composer.current?.focus() })
  const team = useSyncExternalStore(teamPresence.subscribe, teamPresence.get, teamPresence.get)
  const { draft } = useDraft(conversationId)
  const [focused, setFocused] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = box.current
    if (!element) return
    const onFocusIn = () => setFocused(true)
    const onFocusOut = (event: FocusEvent) => setFocused(element.contains(event.relatedTarget as Node | null))
    element.addEventListener('focusin', onFocusIn)
    element.addEventListener('focusout', onFocusOut)
    return () => {
      element.removeEventListener('focusin', onFocusIn)
      element.removeEventListener('focusout', onFocusOut)
    }
  })
  const replying = focused || Boolean(draft?.text)
  useEffect(() => {
    setOwnPresence({ replying: replying ? conversationId : undefined })
    return () => setOwnPresence({ replying: undefined })
  }, [replying, conversationId])

  const messages = useMemo(() => thread?.pages.flatMap((page) => page.messages) ?? [], [thread])
  // What the thread held when it opened (once its first read settled: a cached thread is read
  // again on open), and what this tab sent since: any other outbound message is someone else's
  // reply (heard over the push channel, or read from HighLevel, see `useThreadCatchUp`).
  const [seenAtOpen, setSeenAtOpen] = useState<ReadonlySet<string>>()
  if (thread && !threadFetching && !seenAtOpen) setSeenAtOpen(new Set(messages.map((message) => message.id)))
  const [sentHere, setSentHere] = useState<ReadonlySet<string>>(() => new Set())
  const updates = useMemo(
    () => ({
      ...threadUpdates,
      onSent: (...args: Parameters<typeof threadUpdates.onSent>) => {
        setSentHere((ids) => new Set([...ids, args[0].id]))
        threadUpdates.onSent(...args)
      },
    }),
    [threadUpdates],
  )
  const describeOther = (listed: readonly Message[]): OtherReply | undefined => {
    const other = seenAtOpen ? findOtherReply(listed, seenAtOpen, sentHere) : undefined
    if (!other) return undefined
    // Named by the tab that sent it through this server, else by the HighLevel user who wrote it.
    const author = other.userId ? userNames?.get(other.userId) : undefined
    return { id: other.id, who: nameOf(team, replyAuthors.get(other.id), author), text: other.body ?? '' }
  }
  const otherReply = describeOther(messages)
  const latestDescribe = useRef(describeOther)
  useEffect(() => {
    latestDescribe.current = describeOther
  })
  // Right before a send: HighLevel's newest messages, so a reply written there since is asked about.
  const checkBeforeSend = useCallback(async (): Promise<OtherReply | undefined> => {
    await beforeSend()
    const cached = queryClient.getQueryData<typeof thread>(messageQueries.list(conversationId).queryKey)
    return latestDescribe.current(cached?.pages.flatMap((page) => page.messages) ?? [])
  }, [beforeSend, queryClient, conversationId])
  const onHere = presenceText(team, conversationId)
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
    <div ref={box}>
      {onHere && (
        <p role="status" className="border-t border-slate-200 px-4 pt-2 text-xs font-medium text-violet-800 dark:border-slate-800 dark:text-violet-200">
          {onHere}
        </p>
      )}
      <ReplyComposer
      otherReply={otherReply}
      beforeSend={checkBeforeSend}
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
    </div>
  )
}
