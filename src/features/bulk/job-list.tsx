import type { JobList as JobListData, JobView } from '../../api/schemas/bulk-job'
import { DailyBudgetNotice } from '../../components/budget/daily-budget-notice'
import { JobCard } from './job-card'

interface JobListProps {
  jobs: readonly JobView[]
  setAside: JobListData['setAside']
  readOnly: boolean
  currentSearch: string
  onDismiss: (jobId: string) => void
}

/** The jobs panel's contents: the budget when low, a card per job, the logs set aside. */
export function JobList({ jobs, setAside, readOnly, currentSearch, onDismiss }: JobListProps) {
  return (
    <>
      <DailyBudgetNotice className="mx-4 mt-2" />
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} readOnly={readOnly} currentSearch={currentSearch} onDismiss={() => onDismiss(job.id)} />
        ))}
      </ul>
      {setAside.map((notice) => (
        <p key={notice.file} className="px-4 py-1 text-xs text-amber-800 dark:text-amber-200">
          {notice.message}
        </p>
      ))}
    </>
  )
}
