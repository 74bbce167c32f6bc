import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { bulkJobQueries } from '../../api/bulk-jobs'
import { ACTIVE_STATES, type JobView } from '../../api/schemas/bulk-job'
import { DailyBudgetNotice } from '../../components/budget/daily-budget-notice'
import { JobCard } from './job-card'
import { useJobEndings } from './use-job-endings'

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
export function BulkJobsPanel({ readOnly }: { readOnly: boolean }) {
  const { data, dataUpdatedAt } = useQuery(bulkJobQueries.list())
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  useJobEndings(data)
  const jobs = shownJobs(data?.jobs ?? [], dismissed, dataUpdatedAt)
  const setAside = data?.setAside ?? []
  if (jobs.length === 0 && setAside.length === 0) return null
  return (
    <section aria-label="Bulk jobs" className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
      <DailyBudgetNotice className="mx-4 mt-2" />
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} readOnly={readOnly} onDismiss={() => setDismissed((old) => new Set([...old, job.id]))} />
        ))}
      </ul>
      {setAside.map((notice) => (
        <p key={notice.file} className="px-4 py-1 text-xs text-amber-800 dark:text-amber-200">
          {notice.message}
        </p>
      ))}
    </section>
  )
}
