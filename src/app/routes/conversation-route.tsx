import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState, useSyncExternalStore } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { findConversation } from '../../api/conversation-cache'
import { CloseButton } from '../../components/ui/close-button'
import { lazyPart } from '../../components/ui/lazy-part'
import { LoadBoundary } from '../../components/ui/load-boundary'
import { usePreferences } from '../../features/preferences/use-preferences'
import { paths } from '../../lib/paths'

// The pane is not needed for the first rows: its code loads when a conversation is opened (or,
// for a page the server rendered with it, before the browser hydrates it: see src/main.tsx).
const ConversationPane = lazyPart(() => import('../../features/conversation/conversation-pane').then(({ ConversationPane }) => ConversationPane))
const ConversationReply = lazyPart(() => import('./conversation-reply').then(({ ConversationReply }) => ConversationReply))

/** Loads the pane's code, so that rendering it does not wait. */
export const preloadConversationPane = (): Promise<unknown> => Promise.all([ConversationPane.preload(), ConversationReply.preload()])

/**
 * The row the list holds for this conversation, kept current: a deep link's row arrives with
 * the first page after the pane has opened, and a teammate's change patches it in place.
 */
function useListedConversation(queryClient: QueryClient, id: string | undefined) {
  const subscribe = useCallback((onChange: () => void) => queryClient.getQueryCache().subscribe(onChange), [queryClient])
  const listed = () => (id === undefined ? undefined : findConversation(queryClient, id))
  return useSyncExternalStore(subscribe, listed, listed)
}

/** `/conversations/:conversationId`: the preview pane beside the inbox, keeping the view's parameters. */
export function ConversationRoute() {
  const { conversationId } = useParams()
  const { search } = useLocation()
  const navigate = useNavigate()
  const { responseTargetMs, myUserId, markReadOnOpen } = usePreferences()
  const queryClient = useQueryClient()
  const asideRef = useRef<HTMLElement>(null)
  // Loaded before the pane mounts (always on the server, and before hydrating a page the server
  // rendered with the pane): no Suspense boundaries, so it hydrates with the rest (LoadBoundary).
  const [paneLoaded] = useState(ConversationPane.isLoaded)
  const [replyLoaded] = useState(ConversationReply.isLoaded)
  // The row the list holds, when it holds one: the pane shows it at once (tags included).
  const conversation = useListedConversation(queryClient, conversationId)
  if (!conversationId) return null
  const close = () => {
    // Focus in the pane would fall to the page as it goes: it goes back to the row that was open.
    if (asideRef.current?.contains(document.activeElement)) {
      document.querySelector<HTMLElement>(`[role="row"][data-conversation-id="${CSS.escape(conversationId)}"]`)?.focus()
    }
    void navigate(paths.inbox.href(search))
  }
  return (
    <aside
      ref={asideRef}
      aria-label="Conversation"
      className="max-sm:left-0 w-[28rem] max-w-full shrink-0 border-l border-slate-200 max-lg:fixed max-lg:inset-y-0 max-lg:right-0 max-lg:z-20 max-lg:bg-white max-lg:shadow-xl dark:border-slate-800 max-lg:dark:bg-slate-950"
    >
      <LoadBoundary
        what="the conversation"
        ready={paneLoaded}
        onDismiss={close}
        fallback={
          <div className="flex items-center justify-between gap-2 px-4 py-3">
            <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
              Loading conversation…
            </p>
            <CloseButton label="Close conversation" onClose={close} />
          </div>
        }
      >
        <ConversationPane
          key={conversationId}
          conversationId={conversationId}
          conversation={conversation}
          onClose={close}
          responseTargetMs={responseTargetMs}
          currentUserId={myUserId}
          markReadOnOpen={markReadOnOpen}
          reply={
            <LoadBoundary what="the reply box" ready={replyLoaded}>
              <ConversationReply conversationId={conversationId} conversation={conversation} />
            </LoadBoundary>
          }
        />
      </LoadBoundary>
    </aside>
  )
}
