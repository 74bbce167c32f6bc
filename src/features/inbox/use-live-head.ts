import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo } from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import type { SearchView } from '../../api/schemas/search-view'
import { conversationQueries, type SearchPage } from '../../api/search-conversations'
import { firstPageParam, type SearchPageParam } from '../../api/search-paging'
import { applyUpdates, compareHead, indexById, NO_HEAD_CHANGES, type HeadChanges } from './head-changes'

interface LiveHead {
  changes: HeadChanges
  /** The loaded list with the polled first page's updates drawn in place. */
  conversations: Conversation[]
  /** Reads the first page again and makes it the whole list: the new ones at the top. */
  showNew: () => Promise<void>
}

/**
 * Keeps a loaded list current by polling its first page only (see docs/paging.md). New
 * conversations are counted, not inserted, unless the reader is at the very top (`atTop`).
 */
export function useLiveHead(
  view: SearchView,
  loaded: InfiniteData<SearchPage, SearchPageParam> | undefined,
  list: Conversation[],
  atTop: boolean,
): LiveHead {
  const queryClient = useQueryClient()
  const head = useQuery({ ...conversationQueries.head(view), enabled: loaded !== undefined })
  const indexOf = useMemo(() => indexById(list), [list])
  const changes = useMemo(
    () => (head.data ? compareHead(head.data.conversations, list, indexOf) : NO_HEAD_CHANGES),
    [head.data, list, indexOf],
  )
  const conversations = useMemo(() => applyUpdates(list, changes.updates), [list, changes.updates])

  const replaceList = useCallback(
    (page: SearchPage) =>
      queryClient.setQueryData(conversationQueries.search(view).queryKey, {
        pages: [page],
        pageParams: [firstPageParam(view)],
      }),
    [queryClient, view],
  )
  const { refetch } = head
  const showNew = useCallback(async () => {
    const { data } = await refetch()
    if (data) replaceList(data)
  }, [refetch, replaceList])

  // At the very top nothing is under the reader's eyes yet: new ones simply appear.
  useEffect(() => {
    if (atTop && changes.newCount > 0 && head.data) replaceList(head.data)
  }, [atTop, changes.newCount, head.data, replaceList])

  return { changes, conversations, showNew }
}
