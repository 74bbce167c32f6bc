import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { conversationKeys } from '../../api/query-keys'
import type { JobList } from '../../api/schemas/bulk-job'
import { ACTIVE_STATES } from '../../api/schemas/bulk-job'

/**
 * When jobs seen running (or finished since this page opened) end, the conversations are read
 * again: once per list that shows endings, never once per conversation.
 */
export function useJobEndings(list: JobList | undefined): void {
  const queryClient = useQueryClient()
  const [openedAt] = useState(() => Date.now())
  const handled = useRef(new Set<string>())
  const running = useRef(new Set<string>())
  useEffect(() => {
    if (!list) return
    let ended = false
    for (const job of list.jobs) {
      if (ACTIVE_STATES.has(job.state)) {
        running.current.add(job.id)
        continue
      }
      if (handled.current.has(job.id)) continue
      handled.current.add(job.id)
      const changedSinceOpened = running.current.has(job.id) || (job.finishedAt ?? 0) >= openedAt
      if (changedSinceOpened && job.changed > 0) ended = true
    }
    if (ended) void queryClient.invalidateQueries({ queryKey: conversationKeys.all() })
  }, [list, queryClient, openedAt])
}
