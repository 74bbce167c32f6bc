import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { bulkJobQueries } from '../../api/bulk-jobs'
import { ACTIVE_STATES, type JobView } from '../../api/schemas/bulk-job'
import { LoadBoundary } from '../../components/ui/load-boundary'
import { lazyPart } from '../../components/ui/lazy-part'
import { useJobEndings } from './use-job-endings'

/**
 * The cards' code loads when there is a job to show (none on most visits), or as soon as one
 * is being started (`preloadJobList`).
 */
const JobList = lazyPart(() => import('./job-list').then(({ JobList }) => JobList))
export const preloadJobList = JobList.preload

/** A finished job's report stays this long (a reload, or a colleague's job that just ended). */
const REPORT_SHOWN_MS = 30 * 60_000
const MAX_REPORTS = 3

function shownJobs(jobs: readonly JobView[], dismissed: ReadonlySet<string>, now: number): JobView[] {
  const live = jobs.filter((job) => ACTIVE_STATES.has(job.state) || job.state === 'interrupted')
  const reports = jobs
    .filter((job) => !ACTIVE_STATES.has(job.state) && job.state !== 'interrupted' && !dismissed.has(job.id))
    .filter((job) => now - (job.finishedAt ?? job.createdAt) < REPORT_SHOWN_MS)
    .slice(0, MAX_REPORTS)
  return [...live, ...reports]
}

/**
 * The server's bulk jobs, for everyone on it: running ones with their progress, interrupted
 * ones to resume, and the reports of those that just ended. Nothing while there are none.
 */
export function BulkJobsPanel({ readOnly, currentSearch }: { readOnly: boolean; currentSearch: string }) {
  const { data, dataUpdatedAt } = useQuery(bulkJobQueries.list())
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  useJobEndings(data)
  const jobs = shownJobs(data?.jobs ?? [], dismissed, dataUpdatedAt)
  const setAside = data?.setAside ?? []
  if (jobs.length === 0 && setAside.length === 0) return null
  return (
    <section aria-label="Bulk jobs" className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
      <LoadBoundary
        what="the bulk jobs"
        fallback={
          <p role="status" className="px-4 py-2 text-sm text-slate-500 dark:text-slate-400">
            Loading bulk jobs…
          </p>
        }
      >
        <JobList jobs={jobs} setAside={setAside} readOnly={readOnly} currentSearch={currentSearch} onDismiss={(id) => setDismissed((old) => new Set([...old, id]))} />
      </LoadBoundary>
    </section>
  )
}
