import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_VIEW, type SearchView } from '../../src/api/schemas/search-view'
import { DailyBudgetLowError, QueueFullError } from '../proxy/pacer.ts'
import { answer, conversations, type FakeConversation } from './test-support/fake-highlevel.ts'
import { createHarness, deferred, untilEnded } from './test-support/runner-harness.ts'

const unreadView: SearchView = { ...DEFAULT_VIEW, status: 'unread' }
const viewTarget = (view: SearchView = unreadView) => ({ type: 'view' as const, view })
const markRead = { kind: 'markRead' as const }

/** Sort values in runs of `run` equal dates, so page boundaries cut through ties. */
const inRuns = (run: number) => (index: number) => 1_700_000_000_000 - Math.floor(index / run) * 60_000

function writtenIds(calls: { method: string; path: string }[]): string[] {
  return calls.filter((call) => call.method === 'PUT').map((call) => call.path.split('/')[2] ?? '')
}

afterEach(() => {
  vi.useRealTimers()
})

describe('a whole-view job', () => {
  it('marks every conversation of "Unread" read once, though the view shrinks and ties cut the pages', async () => {
    const { fake, runner } = await createHarness(conversations(250, inRuns(7)))
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 250 })
    await runner.idle()
    const done = runner.get(job.id)
    expect(done).toMatchObject({ state: 'completed', total: 250, changed: 250, skipped: 0, failed: 0, remaining: 0 })
    expect(fake.conversations.every((row) => row.unreadCount === 0)).toBe(true)
    const written = writtenIds(fake.calls)
    expect(written).toHaveLength(250)
    expect(new Set(written).size).toBe(250)
    // The snapshot is whole before the first write.
    const firstWrite = fake.calls.findIndex((call) => call.method === 'PUT')
    expect(fake.calls.slice(firstWrite).every((call) => call.method === 'PUT')).toBe(true)
    expect(done?.requests).toBe(fake.calls.length)
  })

  it('changes each conversation of any view exactly once, for any runs of equal dates (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ run: fc.integer({ min: 1, max: 120 }), unread: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('unread', 'all'),
        fc.constantFrom('asc', 'desc'),
        async (runs, status, sort) => {
          let index = 0
          const rows: FakeConversation[] = runs.flatMap(({ run, unread }, r) =>
            conversations(run, () => 1_700_000_000_000 - r * 1000, { unreadCount: unread ? 2 : 0 }).map((row) => ({
              ...row,
              id: `Conv${String(index).padStart(6, '0')}`,
              dateAdded: 1_600_000_000_000 + index++ * 7,
            })),
          )
          const unread = new Set(rows.filter((row) => row.unreadCount > 0).map((row) => row.id))
          const { fake, runner } = await createHarness(rows)
          const view: SearchView = { ...DEFAULT_VIEW, status, sort }
          const job = await runner.start({ action: markRead, target: viewTarget(view), viewTotal: rows.length })
          await runner.idle()
          const written = writtenIds(fake.calls)
          expect(new Set(written).size).toBe(written.length)
          expect(new Set(written)).toEqual(unread)
          expect(runner.get(job.id)).toMatchObject({ state: 'completed', changed: unread.size, remaining: 0 })
          expect(fake.conversations.every((row) => row.unreadCount === 0)).toBe(true)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('sends nothing for a conversation the snapshot shows in the target state already', async () => {
    const rows = conversations(40, inRuns(1), { starred: false }).map((row, index) => ({ ...row, starred: index % 4 === 0 }))
    const { fake, runner } = await createHarness(rows)
    const job = await runner.start({ action: { kind: 'star' }, target: viewTarget({ ...DEFAULT_VIEW }), viewTotal: 40 })
    await runner.idle()
    expect(runner.get(job.id)).toMatchObject({ changed: 30, skipped: 10, state: 'completed' })
    expect(fake.writes()).toHaveLength(30)
    expect(fake.writes()[0]?.body).toEqual({ locationId: 'Loc0000001', starred: true })
  })

  it('changes a conversation once when it moves down the view while the snapshot pages', async () => {
    const rows = conversations(150, inRuns(1))
    const { fake, runner } = await createHarness(rows)
    let searches = 0
    fake.beforeAnswer = (call) => {
      if (call.path !== '/conversations/search' || ++searches !== 2) return
      // The first conversation, seen on page one, now sorts last: page two shows it again.
      const moved = fake.conversations[0]
      if (moved) moved.lastMessageDate = 1
    }
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 150 })
    await runner.idle()
    expect(runner.get(job.id)).toMatchObject({ total: 150, changed: 150 })
    expect(new Set(writtenIds(fake.calls)).size).toBe(150)
    expect(writtenIds(fake.calls)).toHaveLength(150)
  })

  it('takes every token from the pacer at bulk priority within the bulk share', async () => {
    const { pacer, fake, runner } = await createHarness(conversations(5, inRuns(1)), { maxShare: 0.6 })
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 5 })
    await runner.idle()
    expect(pacer.acquired).toHaveLength(fake.calls.length)
    expect(pacer.acquired.every((grant) => grant.priority === 'bulk' && grant.maxShare === 0.6 && grant.client === `job:${job.id}`)).toBe(true)
  })
})

describe('assign', () => {
  it('sends one request per contact and skips contacts already assigned', async () => {
    const rows = conversations(6, inRuns(1)).map((row, index) => ({
      ...row,
      contactId: `Cont00000${Math.floor(index / 2)}`,
      assignedTo: index < 2 ? 'User000001' : null,
    }))
    const { fake, runner } = await createHarness(rows)
    const job = await runner.start({ action: { kind: 'assign', assignTo: 'User000001' }, target: viewTarget({ ...DEFAULT_VIEW }), viewTotal: 6 })
    await runner.idle()
    expect(fake.writes().map((call) => [call.path, call.body])).toEqual([
      ['/contacts/Cont000001', { assignedTo: 'User000001' }],
      ['/contacts/Cont000002', { assignedTo: 'User000001' }],
    ])
    expect(runner.get(job.id)).toMatchObject({ changed: 4, skipped: 2 })
    expect(fake.conversations.every((row) => row.assignedTo === 'User000001')).toBe(true)
  })

  it("counts exactly who moves with a small selection's contacts: one search per contact, loaded or not", async () => {
    const rows = conversations(5, inRuns(1))
    // Conv000003 and Conv000004 belong to Cont000000 too; only Conv000003 is loaded.
    for (const row of rows.slice(3)) row.contactId = 'Cont000000'
    const { fake, runner } = await createHarness(rows)
    const estimate = await runner.estimate({
      action: { kind: 'assign', assignTo: null },
      target: { type: 'selection', conversations: [{ id: 'Conv000000', contactId: 'Cont000000' }, { id: 'Conv000001', contactId: 'Cont000001' }] },
      loaded: [{ id: 'Conv000003', contactId: 'Cont000000' }],
    })
    expect(estimate).toMatchObject({ alsoMoves: 2, alsoMovesCounted: 'all', requests: { writes: 2, total: 2 } })
    expect(fake.calls.map((call) => `${call.method} ${call.path} ${call.query?.get('contactId') ?? ''}`)).toEqual([
      'GET /conversations/search Cont000000',
      'GET /conversations/search Cont000001',
    ])
  })

  it('counts only the loaded rows when a search by contact fails, and says so', async () => {
    const rows = conversations(3, inRuns(1))
    for (const row of rows.slice(2)) row.contactId = 'Cont000000'
    const { fake, runner } = await createHarness(rows)
    fake.intercept = (call) => (call.path === '/conversations/search' ? answer(422, { statusCode: 422, message: 'Unprocessable' }) : undefined)
    const estimate = await runner.estimate({
      action: { kind: 'assign', assignTo: null },
      target: { type: 'selection', conversations: [{ id: 'Conv000000', contactId: 'Cont000000' }] },
      loaded: [{ id: 'Conv000002', contactId: 'Cont000000' }],
    })
    expect(estimate).toMatchObject({ alsoMoves: 1, alsoMovesCounted: 'loaded' })
  })

  it('does not count the other conversations of a whole view assign', async () => {
    const { runner } = await createHarness(conversations(3, inRuns(1)))
    const estimate = await runner.estimate({ action: { kind: 'assign', assignTo: null }, target: { type: 'view', view: DEFAULT_VIEW } })
    expect(estimate).toMatchObject({ alsoMoves: null, alsoMovesCounted: 'none' })
  })

  it('looks up the contact of a selected conversation when the selection does not say it', async () => {
    const rows = conversations(3, inRuns(1))
    const { fake, runner } = await createHarness(rows)
    const selection = [{ id: 'Conv000000', contactId: 'Cont000000' }, { id: 'Conv000001' }]
    const estimate = await runner.estimate({
      action: { kind: 'assign', assignTo: null },
      target: { type: 'selection', conversations: selection },
      loaded: [{ id: 'Conv000002', contactId: 'Cont000000' }],
    })
    expect(estimate).toMatchObject({ conversations: 2, requests: { lookups: 1, writes: 2, total: 3 }, alsoMoves: 1 })
    await runner.start({ action: { kind: 'assign', assignTo: 'User000002' }, target: { type: 'selection', conversations: selection } })
    await runner.idle()
    expect(fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /conversations/Conv000001',
      'PUT /contacts/Cont000000',
      'PUT /contacts/Cont000001',
    ])
  })
})

describe('estimates and the daily budget', () => {
  it('counts snapshot pages and writes, and refuses a job over the documented share', async () => {
    const { runner } = await createHarness([])
    const estimate = await runner.estimate({ action: markRead, target: viewTarget(), viewTotal: 1000 })
    expect(estimate).toMatchObject({ conversations: 1000, requests: { snapshot: 11, writes: 1000, total: 1011 }, allowed: true })
    expect(estimate.dailyShare).toBeCloseTo(1011 / 200_000)
    await expect(runner.start({ action: markRead, target: viewTarget(), viewTotal: 25_000 })).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringContaining('10 %'),
    })
  })

  it('measures the share against the daily remaining HighLevel last reported', async () => {
    const { runner } = await createHarness([], { daily: { remaining: 50_000, limit: 200_000 } })
    const estimate = await runner.estimate({ action: markRead, target: { type: 'selection', conversations: [{ id: 'Conv000001' }] } })
    expect(estimate.dailyBudget).toEqual({ requests: 50_000, source: 'remaining', reserve: 10_000 })
    expect(estimate.dailyShare).toBeCloseTo(1 / 50_000)
    await expect(runner.start({ action: markRead, target: viewTarget(), viewTotal: 6000 })).rejects.toMatchObject({
      code: 'refused',
      estimate: { refusedBy: 'share' },
      message: expect.stringContaining('more than 10 % of the 50,000 the location has left today'),
    })
  })

  it('refuses a job that would reach into the reserve kept for people, and every job once the budget is there', async () => {
    const daily = { remaining: 10_400 as number | undefined, limit: 200_000 }
    const { runner } = await createHarness([], { daily })
    const selection = (count: number) => ({
      type: 'selection' as const,
      conversations: Array.from({ length: count }, (_, index) => ({ id: `Conv${String(index).padStart(6, '0')}` })),
    })
    expect(await runner.estimate({ action: markRead, target: selection(400) })).toMatchObject({ allowed: true })
    await expect(runner.start({ action: markRead, target: selection(401) })).rejects.toMatchObject({
      code: 'refused',
      estimate: { allowed: false, refusedBy: 'reserve', dailyBudget: { requests: 10_400, reserve: 10_000 } },
      message: expect.stringContaining('only 400 of the 10,400 left today may go to bulk jobs'),
    })
    daily.remaining = 9_000
    await expect(runner.start({ action: markRead, target: selection(1) })).rejects.toMatchObject({
      estimate: { refusedBy: 'reserve' },
      message: expect.stringContaining('9,000 requests are left today'),
    })
  })

  it('counts the view with one search when the app does not say its total', async () => {
    const { fake, runner } = await createHarness(conversations(12, inRuns(1)))
    const estimate = await runner.estimate({ action: markRead, target: viewTarget() })
    expect(estimate.conversations).toBe(12)
    expect(fake.calls).toHaveLength(1)
    expect(fake.calls[0]?.query?.get('limit')).toBe('1')
  })
})

describe('answers HighLevel gives', () => {
  it('waits out a 429 as Retry-After says, holds the pacer, and retries', async () => {
    vi.useFakeTimers()
    const { fake, pacer, runner } = await createHarness(conversations(3, inRuns(1)))
    fake.intercept = (call, index) => (call.method === 'PUT' && index === 1 ? answerOf(429, 'Too many', { 'retry-after': '2' }) : undefined)
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 3, })
    const done = await untilEnded(runner, job.id)
    expect(done).toMatchObject({ state: 'completed', changed: 3, failed: 0 })
    expect(pacer.holds).toEqual([2000])
    expect(writtenIds(fake.calls)).toHaveLength(4)
  })

  it('retries a 5xx with backoff, and fails the item with the reason when it persists', async () => {
    vi.useFakeTimers()
    const { fake, runner } = await createHarness(conversations(2, inRuns(1)), { retry: { maxAttempts: 3, random: () => 1 } })
    fake.intercept = (call) => (call.path === '/conversations/Conv000001' ? answerOf(503, 'Service Unavailable') : undefined)
    const job = await runner.start({ action: markRead, target: { type: 'selection', conversations: [{ id: 'Conv000000' }, { id: 'Conv000001' }] } })
    const done = await untilEnded(runner, job.id)
    expect(done).toMatchObject({ state: 'completed', changed: 1, failed: 1 })
    expect(done.failures).toEqual([{ id: 'Conv000001', reason: 'HighLevel answered 503: Service Unavailable, 3 times' }])
    expect(writtenIds(fake.calls).filter((id) => id === 'Conv000001')).toHaveLength(3)
  })

  it('fails one item on a 422 and goes on; "retry failed" makes a new job of it', async () => {
    const { fake, runner } = await createHarness(conversations(4, inRuns(1)), { concurrency: 1 })
    fake.intercept = (call) => (call.path === '/conversations/Conv000001' ? answerOf(422, ['unreadCount must be a number']) : undefined)
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 4 })
    await runner.idle()
    expect(runner.get(job.id)).toMatchObject({ state: 'completed', changed: 3, failed: 1 })
    expect(runner.get(job.id)?.failures).toEqual([{ id: 'Conv000001', reason: 'HighLevel answered 422: unreadCount must be a number' }])
    fake.intercept = undefined
    const retry = await runner.retryFailed(job.id, 'Jeanne')
    await runner.idle()
    expect(runner.get(retry.id)).toMatchObject({ state: 'completed', changed: 1, retryOf: job.id, createdBy: 'Jeanne' })
    expect(fake.conversations.every((row) => row.unreadCount === 0)).toBe(true)
  })

  it('stops the whole job at a 401 with the reason, sending nothing more', async () => {
    const { fake, runner } = await createHarness(conversations(10, inRuns(1)), { concurrency: 1 })
    fake.intercept = (call) =>
      call.path === '/conversations/Conv000002' ? answerOf(401, 'The token is not authorized for this scope.') : undefined
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 10 })
    await runner.idle()
    expect(runner.get(job.id)).toMatchObject({
      state: 'stopped',
      changed: 2,
      remaining: 8,
      message: 'HighLevel refused the token (401): The token is not authorized for this scope.',
    })
    expect(fake.calls.at(-1)?.path).toBe('/conversations/Conv000002')
  })

  it("stops the job, failing no item, when the pacer says HighLevel's daily budget is nearly spent", async () => {
    let acquired = 0
    const pacer = {
      acquire: () => (++acquired > 3 ? Promise.reject(new DailyBudgetLowError(900)) : Promise.resolve(() => {})),
      hold: () => {},
    }
    const { runner } = await createHarness(conversations(10, inRuns(1)), { concurrency: 1, pacer })
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 10 })
    await runner.idle()
    expect(runner.get(job.id)).toMatchObject({ state: 'stopped', changed: 2, failed: 0, remaining: 8 })
    expect(runner.get(job.id)?.message).toMatch(/daily request budget .* nearly spent \(900 left\).*resume the job/)
  })

  it('waits out a full queue at the pacer instead of failing the item', async () => {
    vi.useFakeTimers()
    let acquired = 0
    const pacer = {
      acquire: () => (++acquired === 2 ? Promise.reject(new QueueFullError(10_000)) : Promise.resolve(() => {})),
      hold: () => {},
    }
    const { fake, runner } = await createHarness(conversations(3, inRuns(1)), { concurrency: 1, pacer })
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 3 })
    await vi.advanceTimersByTimeAsync(9_000)
    expect(writtenIds(fake.calls)).toEqual([])
    expect(await untilEnded(runner, job.id)).toMatchObject({ state: 'completed', changed: 3, failed: 0 })
  })
})

function answerOf(status: number, message: unknown, headers: Record<string, string> = {}) {
  return { status, headers: new Headers(headers), json: { statusCode: status, message } }
}

describe('who failed', () => {
  it("names each failed conversation by its contact as the list does, from the snapshot's search answers, and a retry keeps the names", async () => {
    const rows = conversations(4, inRuns(1))
    Object.assign(rows[0] ?? {}, { fullName: '  Ana Souza ' })
    Object.assign(rows[1] ?? {}, { email: 'jean@example.com' })
    Object.assign(rows[2] ?? {}, { fullName: 'x'.repeat(5000) })
    const { fake, runner } = await createHarness(rows)
    fake.intercept = (call) => (call.method === 'PUT' ? answerOf(422, ['unreadCount must be a number']) : undefined)
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 4 })
    await runner.idle()
    const reason = 'HighLevel answered 422: unreadCount must be a number'
    const expected = [
      { id: 'Conv000000', reason, name: 'Ana Souza' },
      { id: 'Conv000001', reason, name: 'jean@example.com' },
      // A hostile name is cut as the list cuts it; none at all leaves the id alone.
      { id: 'Conv000002', reason, name: `${'x'.repeat(200)}…` },
      { id: 'Conv000003', reason },
    ]
    expect(runner.get(job.id)?.failures).toEqual(expected)

    const retry = await runner.retryFailed(job.id)
    await runner.idle()
    expect(runner.get(retry.id)).toMatchObject({ state: 'completed', failed: 4, retryOf: job.id })
    expect(runner.get(retry.id)?.failures).toEqual(expected)
  })

  it("names a selected conversation from its contact lookup, and leaves a selection's others unnamed", async () => {
    const rows = conversations(2, inRuns(1)).map((row, index) => ({ ...row, fullName: `Contact ${index}` }))
    const { fake, runner } = await createHarness(rows)
    fake.intercept = (call) => (call.method === 'PUT' ? answerOf(422, ['assignedTo must be the id of an active user of this location']) : undefined)
    const selection = [{ id: 'Conv000000', contactId: 'Cont000000' }, { id: 'Conv000001' }]
    const job = await runner.start({ action: { kind: 'assign', assignTo: 'User000009' }, target: { type: 'selection', conversations: selection } })
    await runner.idle()
    const reason = 'HighLevel answered 422: assignedTo must be the id of an active user of this location'
    // The server never saw the first in an answer; the second it looked up.
    expect(runner.get(job.id)?.failures).toEqual([
      { id: 'Conv000000', reason },
      { id: 'Conv000001', reason, name: 'Contact 1' },
    ])
  })
})

describe('cancel', () => {
  it('lets the request in flight finish and record, and sends nothing after', async () => {
    const { fake, runner } = await createHarness(conversations(10, inRuns(1)), { concurrency: 1 })
    const held = deferred<undefined>()
    fake.delay = (call) => (call.path === '/conversations/Conv000003' ? held.promise.then(() => {}) : undefined)
    const job = await runner.start({ action: markRead, target: viewTarget(), viewTotal: 10 })
    await vi.waitFor(() => expect(fake.calls.at(-1)?.path).toBe('/conversations/Conv000003'))
    const callsAtCancel = fake.calls.length
    const cancelled = runner.cancel(job.id)
    held.resolve(undefined)
    expect(await cancelled).toMatchObject({ state: 'cancelled', changed: 4, remaining: 6 })
    await runner.idle()
    expect(fake.calls).toHaveLength(callsAtCancel)
  })

  it('stops a job waiting for a token at once', async () => {
    const { fake, pacer, runner } = await createHarness(conversations(3, inRuns(1)))
    pacer.acquire = (options) => new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(options.signal?.reason)))
    const job = await runner.start({ action: markRead, target: { type: 'selection', conversations: [{ id: 'Conv000000' }] } })
    expect(await runner.cancel(job.id)).toMatchObject({ state: 'cancelled', changed: 0, remaining: 1 })
    expect(fake.calls).toHaveLength(0)
  })
})

describe('two jobs over the same conversations', () => {
  it('makes the second wait, with a word, until the first ends; a job over others runs meanwhile', async () => {
    const { fake, runner } = await createHarness(conversations(20, inRuns(1)), { concurrency: 1 })
    const held = deferred<undefined>()
    fake.delay = (call) => (call.path === '/conversations/Conv000000' ? held.promise.then(() => {}) : undefined)
    const select = (from: number, to: number) => ({
      type: 'selection' as const,
      conversations: Array.from({ length: to - from }, (_, i) => ({ id: `Conv${String(from + i).padStart(6, '0')}` })),
    })
    const first = await runner.start({ action: markRead, target: select(0, 10) })
    const second = await runner.start({ action: { kind: 'markUnread' }, target: select(5, 15) })
    const other = await runner.start({ action: { kind: 'star' }, target: select(15, 20) })
    await vi.waitFor(() => expect(runner.get(other.id)?.state).toBe('completed'))
    expect(runner.get(second.id)).toMatchObject({ state: 'waiting', message: `Waiting for job ${first.id} (5 of the same conversations) to finish` })
    held.resolve(undefined)
    await runner.idle()
    const lastOfFirst = fake.calls.findLastIndex((call) => (call.body as { unreadCount?: number }).unreadCount === 0)
    const firstOfSecond = fake.calls.findIndex((call) => (call.body as { unreadCount?: number }).unreadCount === 1)
    expect(lastOfFirst).toBeLessThan(firstOfSecond)
    expect(fake.conversations.slice(5, 15).every((row) => row.unreadCount === 1)).toBe(true)
  })
})
