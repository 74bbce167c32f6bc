import { useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { bulkJobQueries, createBulkJob, estimateBulkJob } from '../../api/bulk-jobs'
import { describeError } from '../../api/describe-error'
import { ApiError } from '../../api/http'
import type { BulkAction, BulkJobRequest, Estimate } from '../../api/schemas/bulk-job'
import type { SearchView } from '../../api/schemas/search-view'
import { conversationQueries, type SearchPage } from '../../api/search-conversations'
import type { TickedRowsApi } from '../../view/use-ticked-rows'
import { preloadJobList } from './bulk-jobs-panel'
import { bulkRequest, needsConfirmation, toggledAction, type LoadedList } from './bulk-request'

/** A job waiting for a yes (or shown refused), with what it would cost. */
export interface PendingJob {
  action: BulkAction
  request: BulkJobRequest
  estimate: Estimate
  wholeView: boolean
}

/** What `run` takes: an action, or `u`/`s` on the ticked rows (whichever of the pair applies). */
export type BulkRunAction = BulkAction | 'toggleRead' | 'toggleStar'

export interface BulkActions {
  /** Acts on the ticked rows, or the whole view: estimate, confirm when needed, then start on the server. */
  run: (action: BulkRunAction) => void
  /** Some rows (or the whole view) are ticked. */
  any: boolean
  pending: PendingJob | undefined
  confirm: () => void
  dismiss: () => void
  busy: boolean
  error: string | undefined
}

interface BulkActionsOptions {
  view: SearchView
  ticking: TickedRowsApi
  /** Who starts jobs, as others see it. */
  createdBy?: string
}

/**
 * The bulk actions over the ticked rows of `view`. Jobs run on the server (docs/bulk-jobs.md):
 * once started, the selection is cleared and the jobs panel shows the job's progress.
 */
export function useBulkActions({ view, ticking, createdBy }: BulkActionsOptions): BulkActions {
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<PendingJob>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const { state, clear } = ticking

  const loadedList = useCallback((): LoadedList => {
    const data = queryClient.getQueryData<InfiniteData<SearchPage>>(conversationQueries.search(view).queryKey)
    return { conversations: data?.pages.flatMap((page) => page.conversations) ?? [], total: data?.pages[0]?.total }
  }, [queryClient, view])

  const start = useCallback(
    async (request: BulkJobRequest) => {
      const job = await createBulkJob(request)
      queryClient.setQueryData(bulkJobQueries.list().queryKey, (old) => old && { ...old, jobs: [job, ...old.jobs.filter((other) => other.id !== job.id)] })
      void queryClient.invalidateQueries({ queryKey: bulkJobQueries.list().queryKey })
      setPending(undefined)
      clear()
    },
    [queryClient, clear],
  )

  const attempt = useCallback(async (work: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
    } catch (failure) {
      // The server's own reason (a refusal over the budget share, read-only) says it best.
      if (failure instanceof ApiError && failure.body?.message) setError(failure.message)
      else setError(describeError(failure).title)
    } finally {
      setBusy(false)
    }
  }, [])

  const run = useCallback(
    (runAction: BulkRunAction) => {
      if (busy) return
      // The job about to start is shown in the jobs panel: its code loads meanwhile.
      preloadJobList()
      const list = loadedList()
      const action =
        runAction === 'toggleRead' ? toggledAction('read', state, list) : runAction === 'toggleStar' ? toggledAction('star', state, list) : runAction
      const request = bulkRequest(action, state, view, list, createdBy)
      void attempt(async () => {
        const estimate = await estimateBulkJob(request)
        if (needsConfirmation(state, estimate)) setPending({ action, request, estimate, wholeView: state.allInView })
        else await start(request)
      })
    },
    [busy, loadedList, state, view, createdBy, attempt, start],
  )

  const confirm = useCallback(() => {
    if (pending?.estimate.allowed) void attempt(() => start(pending.request))
  }, [pending, attempt, start])
  const dismiss = useCallback(() => setPending(undefined), [])

  return useMemo(
    () => ({ run, any: ticking.any, pending, confirm, dismiss, busy, error }),
    [run, ticking.any, pending, confirm, dismiss, busy, error],
  )
}
