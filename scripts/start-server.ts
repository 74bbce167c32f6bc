import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningServer {
  url: string
  stop(): Promise<void>
}

/**
 * The settings of every server a harness starts (end-to-end tests, bench, screenshot): the
 * emulator's demo data on loopback, whatever a developer's `.env` holds for a real location.
 * The environment wins over `.env`, and an empty value counts as unset.
 */
export const DEMO_SERVER_ENV: Readonly<Record<string, string>> = {
  GHL_TOKEN: '',
  GHL_LOCATION_ID: '',
  ACCESS_SECRET: '',
  ALLOW_UNAUTHENTICATED: '',
  ALLOWED_HOSTS: '',
  HOST: '127.0.0.1',
  GHL_READ_ONLY: '',
  // DATA_DIR is not here: every harness gives its server a folder of its own, so a run never sees
  // another run's bulk jobs nor waits for its lock, and removes it afterwards (`startServer`
  // below; playwright.config.ts with its globalTeardown).
  BULK_BUDGET_SHARE: '',
}

/** How long a server may take to answer `/config.json` before it is taken for broken. */
const START_TIMEOUT_MS = 60_000

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/config.json`)).ok
  } catch {
    return false
  }
}

/**
 * Starts `npm run serve` (the server exactly as `npm start` runs it, on the built app) on a port
 * of its own, and resolves once `/config.json` answers. Refuses a port something already
 * answers on (a server left over from an earlier run would be measured instead), and gives up
 * after a minute, stopping what it started.
 */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`
  if (await answers(url)) throw new Error(`something already answers on ${url}: stop it, or free port ${port}`)
  // Bulk jobs and the data directory's lock are the server's own state: a fresh folder per server.
  const dataDir = env.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'highlevel-inbox-data-')) : undefined
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'serve'], {
    env: { ...process.env, ...DEMO_SERVER_ENV, PORT: String(port), ...(dataDir === undefined ? {} : { DATA_DIR: dataDir }), ...env },
    // The request log would drown the caller's own output; start-up failures still show on stderr.
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before it was ready`))),
  )
  const deadline = Date.now() + START_TIMEOUT_MS
  const ready = (async () => {
    while (!(await answers(url))) {
      if (Date.now() > deadline) throw new Error(`the server on ${url} did not answer within ${START_TIMEOUT_MS / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  const removeDataDir = (): void => {
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true })
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return removeDataDir()
    const gone = new Promise((resolve) => child.once('exit', resolve))
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // The process group is already gone.
      return removeDataDir()
    }
    await gone
    removeDataDir()
  }
  // Once ready (or given up on), the server's exit is expected, not a failure.
  exited.catch(() => undefined)
  try {
    await Promise.race([ready, exited])
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}
