import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_VIEW } from '../../src/api/schemas/search-view'
import { DataDirError, lockDataDir } from './data-dir.ts'
import { createDiskJobStore } from './disk-store.ts'
import type { LogEntry } from './job-log.ts'
import type { JobStore } from './job-store.ts'
import { openJobs } from './open-jobs.ts'
import { conversations } from './test-support/fake-highlevel.ts'
import { createHarness } from './test-support/runner-harness.ts'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inbox-jobs-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const selection = (count: number) => ({
  type: 'selection' as const,
  conversations: Array.from({ length: count }, (_, index) => ({ id: `Conv${String(index).padStart(6, '0')}` })),
})

/** A disk store that dies (stops writing, never answers) at the first entry `dies` picks. */
function crashingStore(store: JobStore, dies: (entry: LogEntry) => boolean): JobStore {
  let dead = false
  return {
    ...store,
    append(jobId, entries) {
      if (dead || entries.some(dies)) {
        dead = true
        return new Promise(() => {})
      }
      return store.append(jobId, entries)
    },
  }
}

describe('a job after a crash', () => {
  it('is reported interrupted with its counts, and resumed sends the item in flight again once, counting it once', async () => {
    const jobsDir = join(dir, 'jobs')
    let outcomes = 0
    const first = await createHarness(conversations(6, () => 1), {
      concurrency: 1,
      // Dies between the third conversation's answer and its outcome reaching the disk.
      store: crashingStore(createDiskJobStore({ dir: jobsDir }), (entry) => entry.type === 'outcome' && ++outcomes === 3),
    })
    const job = await first.runner.start({ action: { kind: 'markRead' }, target: selection(6) })
    await expect.poll(() => first.fake.writes().length).toBe(3)

    const second = await createHarness(first.fake.conversations.map((row) => ({ ...row, unreadCount: 1 })), {
      store: createDiskJobStore({ dir: jobsDir }),
    })
    expect(second.runner.get(job.id)).toMatchObject({ state: 'interrupted', total: 6, changed: 2, remaining: 4 })
    await second.runner.resume(job.id)
    await second.runner.idle()
    expect(second.runner.get(job.id)).toMatchObject({ state: 'completed', total: 6, changed: 6, remaining: 0 })
    expect(second.fake.writes().map((call) => call.path)).toEqual([2, 3, 4, 5].map((index) => `/conversations/Conv00000${index}`))

    const third = await createHarness([], { store: createDiskJobStore({ dir: jobsDir }) })
    expect(third.runner.get(job.id)).toMatchObject({ state: 'completed', changed: 6 })
    await Promise.all([first.store.close(), second.runner.close(), third.runner.close()])
  })

  it('drops a half-written last line and keeps everything before it', async () => {
    const jobsDir = join(dir, 'jobs')
    const first = await createHarness(conversations(3, () => 1), { store: createDiskJobStore({ dir: jobsDir }) })
    const job = await first.runner.start({ action: { kind: 'star' }, target: selection(3) })
    await first.runner.idle()
    await first.runner.close()
    const file = join(jobsDir, `${job.id}.jsonl`)
    await appendFile(file, '{"type":"outcome","ids":["Conv0')
    const second = await createHarness([], { store: createDiskJobStore({ dir: jobsDir }) })
    expect(second.runner.get(job.id)).toMatchObject({ state: 'completed', changed: 3 })
    expect(second.runner.setAside).toEqual([])
    expect((await readFile(file, 'utf8')).endsWith('}\n')).toBe(true)
    await second.runner.close()
  })

  it('sets a corrupt or older-format job file aside with a message and loads the others', async () => {
    const jobsDir = join(dir, 'jobs')
    const first = await createHarness(conversations(1, () => 1), { store: createDiskJobStore({ dir: jobsDir }) })
    const job = await first.runner.start({ action: { kind: 'star' }, target: selection(1) })
    await first.runner.idle()
    await writeFile(join(jobsDir, 'broken.jsonl'), '{"type":"job"\n')
    await writeFile(join(jobsDir, 'old.jsonl'), `${JSON.stringify({ type: 'job', format: 0, spec: {} })}\n`)
    const second = await createHarness([], { store: createDiskJobStore({ dir: jobsDir }) })
    expect(second.runner.list().map((view) => view.id)).toEqual([job.id])
    expect(second.runner.setAside.map((notice) => notice.message)).toEqual([
      expect.stringMatching(/^Job file broken\.jsonl could not be read \(line 1 is not JSON\); moved to .*set-aside/),
      expect.stringMatching(/^Job file old\.jsonl could not be read \(line 1 is not a job entry/),
    ])
    expect(second.log).toEqual(second.runner.setAside.map((notice) => notice.message))
    expect((await readdir(join(jobsDir, 'set-aside'))).length).toBe(2)
    await Promise.all([first.runner.close(), second.runner.close()])
  })
})

describe('the names of failed conversations', () => {
  const line = (entry: unknown) => `${JSON.stringify(entry)}\n`
  const spec = (id: string, conversations: unknown[]) => ({ id, action: { kind: 'markRead' }, target: { type: 'selection', conversations }, createdAt: 1 })

  it('come back from the file after a restart', async () => {
    const jobsDir = join(dir, 'jobs')
    const rows = conversations(2, () => 1).map((row, index) => ({ ...row, fullName: `Contact ${index}` }))
    const first = await createHarness(rows, { store: createDiskJobStore({ dir: jobsDir }) })
    first.fake.intercept = (call) => (call.method === 'PUT' ? { status: 404, headers: new Headers(), json: { statusCode: 404, message: 'Conversation not found' } } : undefined)
    const job = await first.runner.start({ action: { kind: 'markRead' }, target: { type: 'view', view: DEFAULT_VIEW }, viewTotal: 2 })
    await first.runner.idle()
    const retry = await first.runner.retryFailed(job.id)
    await first.runner.idle()
    await first.runner.close()
    const second = await createHarness([], { store: createDiskJobStore({ dir: jobsDir }) })
    const names = (id: string) => second.runner.get(id)?.failures?.map((failure) => failure.name)
    expect(names(job.id)).toEqual(['Contact 0', 'Contact 1'])
    expect(names(retry.id)).toEqual(['Contact 0', 'Contact 1'])
    await second.runner.close()
  })

  it('are absent from a job file written before names were kept, which loads as it did', async () => {
    const jobsDir = join(dir, 'jobs')
    await mkdir(jobsDir)
    await writeFile(
      join(jobsDir, 'oldjob.jsonl'),
      line({ type: 'job', format: 1, spec: spec('oldjob', [{ id: 'Conv000000' }, { id: 'Conv000001', contactId: 'Cont000001' }]) }) +
        line({ type: 'snapshot-start', at: 2 }) +
        line({ type: 'items', items: [{ id: 'Conv000000' }, { id: 'Conv000001', contactId: 'Cont000001', unreadCount: 1 }], requests: 0 }) +
        line({ type: 'snapshot-end', at: 3, gap: false }) +
        line({ type: 'outcome', ids: ['Conv000000'], result: 'changed', requests: 1, at: 4 }) +
        line({ type: 'outcome', ids: ['Conv000001'], result: 'failed', reason: 'Conversation not found', requests: 1, at: 5 }) +
        line({ type: 'state', state: 'completed', at: 6 }),
    )
    const { runner } = await createHarness([], { store: createDiskJobStore({ dir: jobsDir }) })
    expect(runner.setAside).toEqual([])
    expect(runner.get('oldjob')).toMatchObject({ state: 'completed', changed: 1, failed: 1, failures: [{ id: 'Conv000001', reason: 'Conversation not found' }] })
    expect(runner.get('oldjob')?.failures?.[0]).not.toHaveProperty('name')
    await runner.close()
  })

  it('not as this server writes them are dropped, not the file', async () => {
    const jobsDir = join(dir, 'jobs')
    await mkdir(jobsDir)
    await writeFile(
      join(jobsDir, 'oddjob.jsonl'),
      line({ type: 'job', format: 1, spec: spec('oddjob', [{ id: 'Conv000000', name: 42 }, { id: 'Conv000001' }]) }) +
        line({ type: 'snapshot-start', at: 2 }) +
        line({ type: 'items', items: [{ id: 'Conv000000', name: 42 }, { id: 'Conv000001', name: 'y'.repeat(5000) }], requests: 0 }) +
        line({ type: 'snapshot-end', at: 3, gap: false }) +
        line({ type: 'outcome', ids: ['Conv000000', 'Conv000001'], result: 'failed', reason: 'Conversation not found', requests: 1, at: 4 }) +
        line({ type: 'state', state: 'completed', at: 5 }),
    )
    const { runner } = await createHarness([], { store: createDiskJobStore({ dir: jobsDir }) })
    expect(runner.setAside).toEqual([])
    expect(runner.get('oddjob')?.failures?.map((failure) => failure.name)).toEqual([undefined, undefined])
    await runner.close()
  })
})

describe('the data directory', () => {
  it('is held by one server: a second is refused while the first lives, a stale lock is taken over', async () => {
    const held = await lockDataDir(dir, { pid: 1111, isAlive: () => true })
    await expect(lockDataDir(dir, { pid: 2222, isAlive: () => true })).rejects.toThrow(
      /is in use by another inbox server \(pid 1111 on .*\); stop it or set another DATA_DIR/,
    )
    const taken = await lockDataDir(dir, { pid: 3333, isAlive: () => false })
    expect(JSON.parse(await readFile(taken.path, 'utf8'))).toMatchObject({ pid: 3333 })
    await held.release()
    expect(JSON.parse(await readFile(taken.path, 'utf8'))).toMatchObject({ pid: 3333 })
    await taken.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('that cannot be written stops start-up with one line', async () => {
    await writeFile(join(dir, 'a-file'), '')
    const dataDir = join(dir, 'a-file', 'data')
    const opening = openJobs({ dataDir, send: () => Promise.reject(new Error('unused')), locationId: 'Loc0000001', log: () => {} })
    await expect(opening).rejects.toBeInstanceOf(DataDirError)
    await expect(opening).rejects.toThrow(/^DATA_DIR .*a-file\/data cannot be written \(ENOTDIR\); set DATA_DIR to a folder this server may write$/)
  })

  it('opens, refuses a second server on the same directory, and frees it on close', async () => {
    await mkdir(join(dir, 'jobs'))
    const options = { dataDir: dir, send: () => Promise.reject(new Error('unused')), locationId: 'Loc0000001', log: () => {} }
    const jobs = await openJobs(options)
    await expect(openJobs({ ...options, lock: { pid: process.pid + 1 } })).rejects.toThrow(/in use by another inbox server/)
    await expect(openJobs(options)).rejects.toThrow(/in use by this server already/)
    await jobs.close()
    const again = await openJobs(options)
    await again.close()
  })
})
