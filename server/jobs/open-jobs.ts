import { join } from 'node:path'
import { DataDirError, lockDataDir, type LockOptions } from './data-dir.ts'
import { createDiskJobStore } from './disk-store.ts'
import { createJobRunner, type JobRunner, type JobRunnerOptions } from './runner.ts'

export interface OpenJobsOptions extends Omit<JobRunnerOptions, 'store'> {
  /** DATA_DIR: jobs live in `<dataDir>/jobs`, the lock is `<dataDir>/server.lock`. */
  dataDir: string
  lock?: LockOptions
}

export interface Jobs {
  runner: JobRunner
  /** Stops the jobs where they are (they resume after a restart), then frees the data dir. */
  close(): Promise<void>
}

/**
 * Bulk jobs for one server: locks the data directory, reads the jobs kept there (setting
 * aside what cannot be read) and returns the runner. Throws DataDirError, one line to print,
 * when the directory cannot be written or another server holds it.
 */
export async function openJobs(options: OpenJobsOptions): Promise<Jobs> {
  const { dataDir, lock: lockOptions, ...runnerOptions } = options
  const lock = await lockDataDir(dataDir, lockOptions)
  let runner: JobRunner
  try {
    runner = await createJobRunner({ ...runnerOptions, store: createDiskJobStore({ dir: join(dataDir, 'jobs') }) })
  } catch (error) {
    await lock.release()
    const code = error instanceof Error && 'code' in error ? String(error.code) : error instanceof Error ? error.message : String(error)
    throw new DataDirError(`DATA_DIR ${dataDir}: the bulk jobs kept there cannot be read (${code})`)
  }
  return {
    runner,
    async close() {
      await runner.close()
      await lock.release()
    },
  }
}
