import { hostname } from 'node:os'
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { syncDirectory } from './durable-file.ts'

/**
 * The data directory: checked writable at start-up, and held by one server at a time through
 * `<dir>/server.lock` ({ pid, host, startedAt }). A lock whose process is gone is stale and
 * taken over.
 */

/** Start-up cannot go on: the message is the one line to print. */
export class DataDirError extends Error {
  override name = 'DataDirError'
}

export interface DataDirLock {
  readonly path: string
  release(): Promise<void>
}

export interface LockOptions {
  pid?: number
  /** Whether a process id is alive here; injected for tests. */
  isAlive?: (pid: number) => boolean
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM'
  }
}

interface LockContent {
  pid: number
  host: string
  startedAt: number
}

function parseLock(text: string): LockContent | undefined {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return undefined
    const { pid, host, startedAt } = value as Record<string, unknown>
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof startedAt !== 'number') return undefined
    return { pid, host, startedAt }
  } catch {
    return undefined
  }
}

/** Locks this process holds: a lock naming our own pid is otherwise stale (a restarted container is pid 1 again). */
const heldHere = new Set<string>()

const codeOf = (error: unknown): string => (error instanceof Error && 'code' in error ? String(error.code) : String(error))

/** Creates `dir` if needed and takes its lock, or throws one DataDirError line. */
export async function lockDataDir(dir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const pid = options.pid ?? process.pid
  const isAlive = options.isAlive ?? processIsAlive
  const path = resolve(dir, 'server.lock')
  if (heldHere.has(`${pid}:${path}`)) throw new DataDirError(`DATA_DIR ${dir} is in use by this server already`)
  const content: LockContent = { pid, host: hostname(), startedAt: Date.now() }
  const temporary = join(dir, `server.lock.${pid}.tmp`)
  try {
    await mkdir(dir, { recursive: true })
    await writeFile(temporary, JSON.stringify(content), { flush: true })
  } catch (error) {
    throw new DataDirError(`DATA_DIR ${dir} cannot be written (${codeOf(error)}); set DATA_DIR to a folder this server may write`)
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // link() fails if the lock exists: taking it is atomic, and it is never seen half-written.
        await link(temporary, path)
        await syncDirectory(dir)
        break
      } catch (error) {
        if (codeOf(error) !== 'EEXIST' || attempt > 0) throw error
        const holder = parseLock(await readFile(path, 'utf8').catch(() => ''))
        if (holder && holder.pid !== pid && (holder.host !== content.host || isAlive(holder.pid))) {
          throw new DataDirError(
            `DATA_DIR ${dir} is in use by another inbox server (pid ${holder.pid} on ${holder.host}); stop it or set another DATA_DIR`,
          )
        }
        // Stale: its process is gone, or it is unreadable.
        await unlink(path).catch(() => {})
      }
    }
  } catch (error) {
    if (error instanceof DataDirError) throw error
    throw new DataDirError(`DATA_DIR ${dir} cannot be locked (${codeOf(error)})`)
  } finally {
    await unlink(temporary).catch(() => {})
  }
  heldHere.add(`${pid}:${path}`)
  return {
    path,
    async release() {
      heldHere.delete(`${pid}:${path}`)
      const holder = parseLock(await readFile(path, 'utf8').catch(() => ''))
      if (holder?.pid === pid && holder.startedAt === content.startedAt) await unlink(path).catch(() => {})
    },
  }
}
