import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { bulkJobQueries, commandBulkJob, type JobCommand } from '../../api/bulk-jobs'
import { describeError } from '../../api/describe-error'
import { ACTIVE_STATES, type JobView } from '../../api/schemas/bulk-job'
import { quietButtonClass } from '../../components/ui/styles'
import { formatCount } from '../../lib/count-text'
import { useUserDirectory } from '../../lib/use-user-directory'
import { FailureList } from './failure-list'
import { actionName, jobDone, progressText, reportText } from './job-words'

interface JobCardProps {
  job: JobView
  readOnly: boolean
  /** The current view's search: the failed conversations' links keep it. */
  currentSearch: string
  onDismiss: () => void
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** One job: what, who, since when; its progress and Cancel while it runs, its report once it ends. */
export function JobCard({ job, readOnly, currentSearch, onDismiss }: JobCardProps) {
  const queryClient = useQueryClient()
  const { userName } = useUserDirectory()
  const active = ACTIVE_STATES.has(job.state)
  const command = useMutation({
    mutationFn: (name: JobCommand) => commandBulkJob(job.id, name),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bulkJobQueries.all() }),
  })
  const failures = useQuery({ ...bulkJobQueries.detail(job.id), enabled: !active && job.failed > 0 })
  const what = `${actionName(job.action, userName)} · ${job.target.type === 'view' ? `whole view, ${formatCount(job.total)}` : formatCount(job.target.count)}`
  const who = job.createdBy ? ` by ${job.createdBy}` : ''
  const done = jobDone(job)
  const button = (name: JobCommand, label: string) => (
    <button type="button" disabled={command.isPending} onClick={() => command.mutate(name)} className={quietButtonClass}>
      {label}
    </button>
  )

  return (
    <li aria-label={`Bulk job: ${what}`} className="px-4 py-2 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium">{what}</span>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          started{who} at {time.format(job.startedAt ?? job.createdAt)}
        </span>
      </div>
      {active ? (
        <div className="mt-1 flex items-center gap-3">
          <div
            role="progressbar"
            aria-label={`Progress: ${what}`}
            aria-valuemin={0}
            aria-valuemax={job.total}
            aria-valuenow={done}
            aria-valuetext={progressText(job)}
            className="h-2 w-40 shrink-0 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
          >
            <div className="h-full bg-indigo-500" style={{ width: `${job.total > 0 ? (100 * done) / job.total : 0}%` }} />
          </div>
          <span className="min-w-0 flex-1 text-xs text-slate-600 dark:text-slate-300">
            {progressText(job)}
            {job.message && ` — ${job.message}`}
          </span>
          {button('cancel', 'Cancel')}
        </div>
      ) : (
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <p role="status" className="min-w-0 flex-1 text-slate-700 dark:text-slate-200">
            {reportText(job)}
            {job.message && ` — ${job.message}`}
          </p>
          {job.state === 'interrupted' && !readOnly && button('resume', 'Resume')}
          {job.failed > 0 && !readOnly && job.state !== 'interrupted' && button('retry-failed', 'Retry failed')}
          {job.state !== 'interrupted' && (
            <button type="button" onClick={onDismiss} className={quietButtonClass}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {failures.data?.failures && failures.data.failures.length > 0 && (
        <FailureList failures={failures.data.failures} currentSearch={currentSearch} />
      )}
      {command.isError && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          {command.error.message || describeError(command.error).title}
        </p>
      )}
    </li>
  )
}
