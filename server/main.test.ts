import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) child.kill()
})

/** Starts `server/main.ts` in an empty folder (so no stray `.env`) with exactly `env`. */
function start(env: Record<string, string>, dotEnv?: string): ChildProcess {
  const cwd = mkdtempSync(join(tmpdir(), 'inbox-main-'))
  if (dotEnv !== undefined) writeFileSync(join(cwd, '.env'), dotEnv)
  const child = spawn(TSX, [MAIN], { cwd, env: { PATH: process.env.PATH ?? '', ...env } })
  children.push(child)
  return child
}

function collect(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let text = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      if (text.includes('\n')) resolve(text.split('\n')[0] ?? '')
    })
  })
}

describe('server/main.ts', () => {
  // Each test starts a process through tsx, which takes seconds on a busy machine.
  it('stops with one clear line on a bad setting', { timeout: 30_000 }, async () => {
    const result = await collect(start({ HOST: '0.0.0.0' }))
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^highlevel-inbox: HOST=0\.0\.0\.0 .* set ACCESS_SECRET/)
  })

  it('reads .env, with the environment winning over it', { timeout: 30_000 }, async () => {
    const result = await collect(start({ PORT: '4173' }, 'PORT=not-a-port\nGHL_LOCATION_ID=loc1\n'))
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(
      'highlevel-inbox: GHL_LOCATION_ID is set but GHL_TOKEN is not: set both for a real location, or neither for demo data',
    )
  })

  it('stops with one line when DATA_DIR cannot be written', { timeout: 30_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'inbox-main-data-')), 'a-file')
    writeFileSync(file, '')
    const result = await collect(start({ PORT: '0', EMULATOR_CONVERSATIONS: '20', DATA_DIR: file }))
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^highlevel-inbox: DATA_DIR .*a-file cannot be written \(E[A-Z]+\); set DATA_DIR/)
  })

  it('starts in emulator mode and prints one line with the address and mode', { timeout: 30_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-main-data-'))
    const child = start({ PORT: '0', EMULATOR_CONVERSATIONS: '20', DATA_DIR: dataDir })
    const line = await firstLine(child)
    expect(line).toMatch(/^highlevel-inbox on http:\/\/127\.0\.0\.1:\d+ serving demo data from the emulator/)
    const origin = /http:\/\/[^ ]+/.exec(line)?.[0] ?? ''
    const config = (await (await fetch(`${origin}/config.json`)).json()) as { mode: string }
    expect(config.mode).toBe('emulator')
    const search = (await (await fetch(`${origin}/api/conversations/search?limit=5`, { headers: { 'x-highlevel-inbox': '1' } })).json()) as { total: number }
    expect(search.total).toBe(20)
    const jobs = (await (await fetch(`${origin}/_inbox/jobs`, { headers: { 'x-highlevel-inbox': '1' } })).json()) as { jobs: unknown[] }
    expect(jobs.jobs).toEqual([])
    // SIGTERM closes the jobs and frees the data directory for the next start.
    const exited = collect(child)
    child.kill('SIGTERM')
    expect((await exited).code).toBe(0)
    expect(existsSync(join(dataDir, 'server.lock'))).toBe(false)
  })
})
