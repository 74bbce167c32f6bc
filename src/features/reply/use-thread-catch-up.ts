import { useInfiniteQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { listMessages, messageQueries, type MessagesPage } from '../../api/list-messages'
import { conversationKeys } from '../../api/query-keys'
import type { Conversation } from '../../api/schemas/conversation'
import type { ConversationDetail } from '../../api/schemas/message'
import type { SearchPage } from '../../api/search-conversations'

type Thread = InfiniteData<MessagesPage, string | null>

/** How long a send waits for HighLevel's newest message before going ahead without it. */
export const SEND_CHECK_WAIT_MS = 2_000
/** A thread caught up this recently is not read again before a send (a confirm right after a warning). */
export const SEND_CHECK_FRESH_MS = 2_000

const isPending = (id: string) => id.startsWith('pending-')

/** The newest date HighLevel gave a message of the thread (epoch ms), replies still sending left out. */
export function newestInThread(thread: InfiniteData<MessagesPage, unknown> | undefined): number | undefined {
  let newest: number | undefined
  for (const message of thread?.pages[0]?.messages ?? []) {
    if (isPending(message.id) || !message.dateAdded) continue
    const date = Date.parse(message.dateAdded)
    if (!Number.isNaN(date) && (newest === undefined || date > newest)) newest = date
  }
  return newest
}

/**
 * The newest last message date the cache knows of the conversation: the polled first pages (which
 * the view poll and the server's shared refresh keep current) and the detail. Older list pages
 * are not read again, so they cannot know better.
 */
export function lastMessageDateKnown(queryClient: QueryClient, conversationId: string): number | undefined {
  let known: number | undefined
  const consider = (date: number | null | undefined) => {
    if (typeof date === 'number' && Number.isFinite(date) && (known === undefined || date > known)) known = date
  }
  for (const [, page] of queryClient.getQueriesData<SearchPage>({ queryKey: [...conversationKeys.lists(), 'head'] })) {
    consider(page?.conversations.find((conversation: Conversation) => conversation.id === conversationId)?.lastMessageDate)
  }
  consider(queryClient.getQueryData<ConversationDetail>(conversationKeys.detail(conversationId))?.lastMessageDate)
  return known
}

/**
 * HighLevel's newest page laid over the cached thread: the messages it has that the thread lacks go
 * on top (under replies still sending). When none of it overlaps what is cached (more new
 * messages than a page), it becomes the whole thread, and older ones load on request again.
 */
export function withNewest(thread: Thread | undefined, fresh: MessagesPage): Thread | undefined {
  const [first, ...rest] = thread?.pages ?? []
  if (!thread || !first) return thread
  const cached = new Set(thread.pages.flatMap((page) => page.messages.map((message) => message.id)))
  const added = fresh.messages.filter((message) => !cached.has(message.id))
  if (added.length === 0) return thread
  const pending = first.messages.filter((message) => isPending(message.id))
  if (added.length === fresh.messages.length) {
    return { pages: [{ ...fresh, messages: [...pending, ...fresh.messages] }], pageParams: [null] }
  }
  const others = first.messages.filter((message) => !isPending(message.id))
  return { ...thread, pages: [{ ...first, messages: [...pending, ...added, ...others] }, ...rest] }
}

export interface ThreadCatchUp {
  /**
   * Before a send: HighLevel's newest messages into the thread, waiting at most
   * `SEND_CHECK_WAIT_MS`; a read that fails or is slow lets the send go ahead. Never throws.
   */
  beforeSend: () => Promise<void>
}

/**
 * Keeps the open thread up with what its row says. When the conversation's row or detail shows a
 * last message newer than the newest the thread holds — a teammate answering in HighLevel itself,
 * a workflow — the newest page is read once (one request per newer date, never a loop) and merged
 * in, so "someone replied since you opened this" is known before anything is sent.
 */
export function useThreadCatchUp(conversationId: string): ThreadCatchUp {
  const queryClient = useQueryClient()
  const thread = useInfiniteQuery(messageQueries.list(conversationId))
  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient])
  // The server renders the reply box too (a conversation URL's first screen): same cache, same answer.
  const knownNow = () => lastMessageDateKnown(queryClient, conversationId)
  const known = useSyncExternalStore(subscribe, knownNow, knownNow)
  const newest = newestInThread(thread.data)

  const inFlight = useRef<Promise<void>>(undefined)
  const controller = useRef<AbortController>(undefined)
  const caughtUpAt = useRef(0)
  useEffect(
    () => () => {
      controller.current?.abort()
      controller.current = undefined
    },
    [conversationId],
  )

  const catchUp = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current
    controller.current ??= new AbortController()
    const { signal } = controller.current
    const { queryKey } = messageQueries.list(conversationId)
    const read = listMessages(conversationId, null, signal)
      .then((fresh) => {
        if (signal.aborted) return
        caughtUpAt.current = Date.now()
        queryClient.setQueryData<Thread>(queryKey, (cached) => withNewest(cached, fresh))
      })
      .catch(() => {
        // The thread's own reads say what went wrong; a send is never held back by this one.
      })
      .finally(() => {
        inFlight.current = undefined
      })
    inFlight.current = read
    return read
  }, [conversationId, queryClient])

  // One read per newer date the row shows: a row HighLevel dates a little after its message's
  // own date costs one request, not one per render.
  const triedFor = useRef<{ id: string; date: number }>(undefined)
  const behind = thread.data !== undefined && !thread.isFetching && known !== undefined && (newest === undefined || known > newest)
  useEffect(() => {
    if (!behind || known === undefined) return
    if (triedFor.current?.id === conversationId && triedFor.current.date === known) return
    triedFor.current = { id: conversationId, date: known }
    void catchUp()
  }, [behind, known, conversationId, catchUp])

  const beforeSend = useCallback(async (): Promise<void> => {
    if (!inFlight.current && Date.now() - caughtUpAt.current < SEND_CHECK_FRESH_MS) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, SEND_CHECK_WAIT_MS)))
    await Promise.race([catchUp(), waited])
    clearTimeout(timer)
  }, [catchUp])

  return { beforeSend }
}
