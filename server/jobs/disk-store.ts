import { mkdir, open, readdir, readFile, rename, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { syncDirectory, writeFileAtomic } from './durable-file.ts'
import { encodeEntry, JobFileError, parseLine, replay, type LogEntry, type ReplayedJob } from './job-log.ts'
import { headOf, type JobStore, type LoadedJobs, type SetAsideNotice } from './job-store.ts'
import type { JobSpec } from './model.ts'

/**
 * Jobs on disk: `<dir>/<job id>.jsonl`, one file a job, appended and flushed (fdatasync) entry
 * by entry. A file that cannot be read is moved to `<dir>/set-aside/` with a message, so
 * start-up goes on and nothing is lost. See docs/bulk-jobs.md.
 */

const SUFFIX = '.jsonl'

export interface DiskJobStoreOptions {
  /** The jobs folder (e.g. `<DATA_DIR>/jobs`); created if missing. */
  dir: string
  now?: () => number
}

export function createDiskJobStore(options: DiskJobStoreOptions): JobStore {
  const { dir } = options
  const now = options.now ?? Date.now
  const handles = new Map<string, Promise<FileHandle>>()
  /** Each job's appends, chained so that two never interleave. */
  const queues = new Map<string, Promise<void>>()
  const pathOf = (jobId: string): string => join(dir, `${jobId}${SUFFIX}`)

  const setAside = async (name: string, reason: string): Promise<SetAsideNotice> => {
    const asideDir = join(dir, 'set-aside')
    await mkdir(asideDir, { recursive: true })
    const target = join(asideDir, `${name}.${now()}`)
    await rename(join(dir, name), target)
    await syncDirectory(dir)
    return { file: target, message: `Job file ${name} could not be read (${reason}); moved to ${target}` }
  }

  const readJob = async (name: string): Promise<ReplayedJob> => {
    const path = join(dir, name)
    const text = await readFile(path, 'utf8')
    const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1)
    const lines = complete.split('\n').slice(0, -1)
    const job = replay(lines.map((line, index) => parseLine(line, index + 1)))
    if (`${job.spec.id}${SUFFIX}` !== name) throw new JobFileError(`it holds job ${job.spec.id}`)
    // A torn last line (a crash mid-append) was never acknowledged: drop it so appends start clean.
    if (complete !== text) await writeFileAtomic(path, complete)
    return job
  }

  const handleOf = (jobId: string): Promise<FileHandle> => {
    let handle = handles.get(jobId)
    if (!handle) {
      handle = open(pathOf(jobId), 'a')
      handles.set(jobId, handle)
    }
    return handle
  }

  return {
    async load(): Promise<LoadedJobs> {
      await mkdir(dir, { recursive: true })
      const jobs: ReplayedJob[] = []
      const notices: SetAsideNotice[] = []
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (!entry.isFile()) continue
        // Left by a whole-file write cut short: the file it was replacing is intact.
        if (entry.name.endsWith('.tmp')) {
          await unlink(join(dir, entry.name))
          continue
        }
        if (!entry.name.endsWith(SUFFIX)) continue
        try {
          jobs.push(await readJob(entry.name))
        } catch (error) {
          if (!(error instanceof JobFileError)) throw error
          notices.push(await setAside(entry.name, error.message))
        }
      }
      jobs.sort((a, b) => a.spec.createdAt - b.spec.createdAt)
      return { jobs, setAside: notices }
    },

    async create(spec: JobSpec): Promise<void> {
      const path = pathOf(spec.id)
      const handle = await open(path, 'wx')
      try {
        await handle.writeFile(encodeEntry(headOf(spec)), 'utf8')
        await handle.sync()
      } finally {
        await handle.close()
      }
      await syncDirectory(dir)
    },

    append(jobId: string, entries: readonly LogEntry[]): Promise<void> {
      const previous = queues.get(jobId) ?? Promise.resolve()
      const next = previous.then(async () => {
        const handle = await handleOf(jobId)
        await handle.appendFile(entries.map(encodeEntry).join(''), 'utf8')
        await handle.datasync()
      })
      // A failed append must not block the ones after it; its caller sees the failure.
      queues.set(jobId, next.catch(() => {}))
      return next
    },

    async close(): Promise<void> {
      await Promise.all(queues.values())
      const open = [...handles.values()]
      handles.clear()
      await Promise.all(open.map(async (handle) => (await handle).close()))
    },
  }
}
