import { encodeEntry, parseLine, replay, type LogEntry, type ReplayedJob } from './job-log.ts'
import type { JobSpec } from './model.ts'
import { JOB_FILE_FORMAT } from './job-log.ts'

/**
 * Where jobs are kept. The runner only talks to this interface: the disk store
 * (disk-store.ts) today, a store shared by several servers later.
 */
export interface JobStore {
  /** Every job kept, and what could not be read (set aside, with a message). */
  load(): Promise<LoadedJobs>
  /** Resolves once the job's first line is durable. */
  create(spec: JobSpec): Promise<void>
  /** Resolves once the entries are durable, in order; appends to one job never interleave. */
  append(jobId: string, entries: readonly LogEntry[]): Promise<void>
  close(): Promise<void>
}

export interface SetAsideNotice {
  file: string
  message: string
}

export interface LoadedJobs {
  jobs: ReplayedJob[]
  setAside: SetAsideNotice[]
}

export function headOf(spec: JobSpec): LogEntry {
  return { type: 'job', format: JOB_FILE_FORMAT, spec }
}

/** Kept in memory as the encoded lines a file would hold: for tests, and a single-process server without disk. */
export function createMemoryJobStore(): JobStore & { lines(jobId: string): string[] } {
  const files = new Map<string, string[]>()
  return {
    lines: (jobId) => [...(files.get(jobId) ?? [])],
    load: () =>
      Promise.resolve({
        jobs: [...files.values()].map((lines) => replay(lines.map((line, index) => parseLine(line, index + 1)))),
        setAside: [],
      }),
    create(spec) {
      files.set(spec.id, [encodeEntry(headOf(spec))])
      return Promise.resolve()
    },
    append(jobId, entries) {
      const lines = files.get(jobId)
      if (!lines) return Promise.reject(new Error(`No job ${jobId}`))
      lines.push(...entries.map(encodeEntry))
      return Promise.resolve()
    },
    close: () => Promise.resolve(),
  }
}
