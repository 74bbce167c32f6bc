import { afterEach, describe, expect, it, vi } from 'vitest'
import type { JobView } from './jobs/model.ts'
import type { Upstream } from './proxy/forward.ts'
import { appCall, emulatorUpstream, freshDataDir, startWiredServer, type WiredServer } from './test-support/wired-server.ts'

/**
 * Bulk jobs through the whole server on a real socket, against the emulator: the job's calls go
 * through the same gateway, pacer and checks as a browser's. Small windows keep real time short;
 * the assertions are about outcomes and order, never about durations.
 */
const servers: WiredServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()))
})

const TAB = 'tab-reader-0001'
const MARK_UNREAD_VIEW = { action: { kind: 'markRead' }, target: { type: 'view', view: { status: 'unread', sort: 'desc', sortBy: 'last_message_date', limit: '50' } } }
/** 20 per 100 ms for both the server's pacer and the emulator's own limit. */
const RATE = { limit: 20, windowMs: 100 }
const FAST_RETRY = { retry: { baseDelayMs: 5, maxDelayMs: 20 } }

interface Counted {
  upstream: Upstream
  writes: () => number
  rateLimited: () => number
}

/** Counts what reaches the emulator; every `failEvery`th write answers 503 without reaching it. */
function counted(upstream: Upstream, failEvery = 0): Counted {
  let writes = 0
  let rateLimited = 0
  return {
    writes: () => writes,
    rateLimited: () => rateLimited,
    upstream: async (request) => {
      if (request.method === 'PUT') {
        writes += 1
        if (failEvery > 0 && writes % failEvery === 0) return Response.json({ statusCode: 503, message: 'Service Unavailable' }, { status: 503 })
      }
      const response = await upstream(request)
      if (response.status === 429) rateLimited += 1
      return response
    },
  }
}

async function call<T>(server: WiredServer, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.origin}${path}`, appCall(server.origin, TAB, method, body))
  return { status: response.status, body: (await response.json()) as T }
}

async function unreadTotal(server: WiredServer): Promise<number> {
  const answer = await call<{ total: number }>(server, '/api/conversations/search?status=unread&limit=1')
  return answer.body.total
}

/** Resolves once the runner reports a job for which `wanted` holds. */
function jobWhere(server: WiredServer, wanted: (job: JobView) => boolean): Promise<JobView> {
  return new Promise((resolve) => {
    const stop = server.jobs.runner.onEvent((event) => {
      if (event.type === 'job' && wanted(event.job)) {
        stop()
        resolve(event.job)
      }
    })
  })
}

// Real sockets and real (short) windows: a busy machine takes seconds, never minutes.
describe('bulk jobs through the server', { timeout: 30_000 }, () => {
  it('marks a whole Unread view read under the rate limit and through failures, while a reader is answered', async () => {
    const emulator = emulatorUpstream({ conversations: 300, rateLimit: { max: RATE.limit, intervalMs: RATE.windowMs } })
    const upstream = counted(emulator.upstream, 5)
    const server = await startWiredServer({ ...emulator, upstream: upstream.upstream, rateLimit: RATE, jobs: FAST_RETRY })
    servers.push(server)
    const before = await unreadTotal(server)
    expect(before).toBeGreaterThan(40)

    const running = jobWhere(server, (job) => job.state === 'running' && job.changed >= 10)
    const created = await call<{ job: JobView }>(server, '/_inbox/jobs', 'POST', MARK_UNREAD_VIEW)
    expect(created.status).toBe(201)
    await running
    const reader = await call<{ conversations: unknown[] }>(server, '/api/conversations/search?query=a&limit=50')
    // The reader's search was answered while the job still had conversations to write.
    expect(reader.status).toBe(200)
    expect(server.jobs.runner.get(created.body.job.id)?.remaining).toBeGreaterThan(0)

    await server.jobs.runner.idle()
    const done = await call<{ job: JobView }>(server, `/_inbox/jobs/${created.body.job.id}`)
    expect(done.body.job).toMatchObject({ state: 'completed', total: before, changed: before, failed: 0 })
    expect(upstream.writes()).toBeGreaterThan(before)
    expect(upstream.rateLimited()).toBe(0)
    expect(await unreadTotal(server)).toBe(0)
  })

  it('shows a job cut short by a restart as interrupted, and resumes it without counting twice', async () => {
    const emulator = emulatorUpstream({ conversations: 300 })
    const upstream = counted(emulator.upstream)
    const dataDir = freshDataDir()
    const first = await startWiredServer({ ...emulator, upstream: upstream.upstream, rateLimit: RATE, dataDir, jobs: FAST_RETRY })
    const before = await unreadTotal(first)
    const midway = jobWhere(first, (job) => job.changed >= 30)
    const created = await call<{ job: JobView }>(first, '/_inbox/jobs', 'POST', MARK_UNREAD_VIEW)
    await midway
    await first.stop()

    const second = await startWiredServer({ ...emulator, upstream: upstream.upstream, rateLimit: RATE, dataDir, jobs: FAST_RETRY })
    servers.push(second)
    const listed = await call<{ jobs: JobView[] }>(second, '/_inbox/jobs')
    const interrupted = listed.body.jobs[0]
    expect(interrupted).toMatchObject({ id: created.body.job.id, state: 'interrupted', total: before })
    expect(interrupted?.remaining).toBeGreaterThan(0)
    expect(interrupted?.remaining).toBeLessThan(before)

    expect((await call(second, `/_inbox/jobs/${created.body.job.id}/resume`, 'POST')).status).toBe(200)
    await second.jobs.runner.idle()
    const done = await call<{ job: JobView }>(second, `/_inbox/jobs/${created.body.job.id}`)
    expect(done.body.job).toMatchObject({ state: 'completed', total: before, changed: before, skipped: 0, failed: 0, remaining: 0 })
    expect(await unreadTotal(second)).toBe(0)
  })

  it('takes exactly one pacer token per call that reaches HighLevel, at bulk priority within the share', async () => {
    const emulator = emulatorUpstream({ conversations: 120 })
    const upstream = counted(emulator.upstream)
    let reached = 0
    const server = await startWiredServer({
      ...emulator,
      upstream: (request) => ((reached += 1), upstream.upstream(request)),
      rateLimit: RATE,
      jobs: { ...FAST_RETRY, maxShare: 0.5 },
    })
    servers.push(server)
    const pacer = server.inbox.gateway.pacer
    if (!pacer) throw new Error('pacing is on in this test')
    const acquire = vi.spyOn(pacer, 'acquire')
    await call(server, '/_inbox/jobs', 'POST', MARK_UNREAD_VIEW)
    await server.jobs.runner.idle()
    expect(reached).toBeGreaterThan(10)
    expect(acquire).toHaveBeenCalledTimes(reached)
    for (const [options] of acquire.mock.calls) expect(options).toMatchObject({ priority: 'bulk', maxShare: 0.5 })
  })

  it('publishes each change the job makes, and its progress about once a second', async () => {
    const emulator = emulatorUpstream({ conversations: 60 })
    const server = await startWiredServer({ ...emulator, rateLimit: RATE, jobs: FAST_RETRY })
    servers.push(server)
    const events: { type: string; by?: string; state?: string; done?: number; total?: number }[] = []
    server.inbox.hub.subscribe((frame) => events.push(JSON.parse(frame.data) as (typeof events)[number]))
    const before = await unreadTotal(server)
    const created = await call<{ job: JobView }>(server, '/_inbox/jobs', 'POST', MARK_UNREAD_VIEW)
    await server.jobs.runner.idle()
    const changes = events.filter((event) => event.type === 'conversation')
    expect(changes).toHaveLength(before)
    expect(new Set(changes.map((event) => event.by))).toEqual(new Set([`job:${created.body.job.id}`]))
    const progress = events.filter((event) => event.type === 'bulk')
    expect(progress.at(-1)).toMatchObject({ state: 'completed', done: before, total: before })
    // One per change of state and at most one a second besides: far fewer than one per conversation.
    expect(progress.length).toBeLessThan(before / 2)
  })
})
