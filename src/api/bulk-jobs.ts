import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { getJson } from './http'
import {
  ACTIVE_STATES,
  estimateSchema,
  jobListSchema,
  jobViewSchema,
  type BulkJobRequest,
  type Estimate,
  type JobList,
  type JobView,
} from './schemas/bulk-job'
import { sendJson } from './send-json'

/**
 * The server's bulk jobs (docs/bulk-jobs.md): they run on the server, shared by everyone on it,
 * so the app only asks for an estimate, starts, cancels, resumes and lists them.
 */

const JOBS_PATH = '/_inbox/jobs'
/** How often the list is asked for while a job runs, and while none does (another person may start one). */
export const JOBS_POLL_ACTIVE_MS = 2_000
export const JOBS_POLL_IDLE_MS = 10_000

const jobAnswer = z.object({ job: jobViewSchema })
const estimateAnswer = z.object({ estimate: estimateSchema })

export async function estimateBulkJob(request: BulkJobRequest, signal?: AbortSignal): Promise<Estimate> {
  return (await sendJson('POST', `${JOBS_PATH}/estimate`, request, estimateAnswer, { signal })).estimate
}

/** Starts a job; a job over the daily budget share is refused with 422 and the server's reason. */
export async function createBulkJob(request: BulkJobRequest): Promise<JobView> {
  return (await sendJson('POST', JOBS_PATH, request, jobAnswer)).job
}

export type JobCommand = 'cancel' | 'resume' | 'retry-failed'

/** Cancel answers once the job has settled; retry-failed answers the new job. */
export async function commandBulkJob(id: string, command: JobCommand): Promise<JobView> {
  return (await sendJson('POST', `${JOBS_PATH}/${encodeURIComponent(id)}/${command}`, {}, jobAnswer)).job
}

export function getBulkJob(id: string, signal?: AbortSignal): Promise<JobView> {
  return getJson(`${JOBS_PATH}/${encodeURIComponent(id)}`, jobAnswer, { signal }).then((answer) => answer.job)
}

export function hasActiveJob(list: JobList | undefined): boolean {
  return list?.jobs.some((job) => ACTIVE_STATES.has(job.state)) ?? false
}

export const bulkJobQueries = {
  all: () => ['bulk-jobs'] as const,
  list: () =>
    queryOptions({
      queryKey: [...bulkJobQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => getJson(JOBS_PATH, jobListSchema, { signal }),
      // Push events may replace this later; until then the list is polled, quickly while a job runs.
      refetchInterval: (query) => (hasActiveJob(query.state.data) ? JOBS_POLL_ACTIVE_MS : JOBS_POLL_IDLE_MS),
      refetchIntervalInBackground: false,
    }),
  /** A finished job's detail: its failures with their reasons. */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...bulkJobQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getBulkJob(id, signal),
    }),
}
