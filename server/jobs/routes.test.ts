import { describe, expect, it } from 'vitest'
import { createJobRoutes } from './routes.ts'
import { conversations } from './test-support/fake-highlevel.ts'
import { createHarness } from './test-support/runner-harness.ts'

async function setup(readOnly = false) {
  const harness = await createHarness(conversations(5, (index) => 1_700_000_000_000 - index))
  const app = createJobRoutes({ runner: harness.runner, readOnly })
  const post = (path: string, body?: unknown) =>
    app.request(path, { method: 'POST', body: body === undefined ? null : JSON.stringify(body), headers: { 'content-type': 'application/json' } })
  return { ...harness, app, post }
}

const unreadView = { type: 'view', view: { status: 'unread', sort: 'desc', sortBy: 'last_message_date', limit: '50' } }

describe('/_inbox/jobs', () => {
  it('estimates, starts, lists and shows a job', async () => {
    const { app, post, runner } = await setup()
    const estimate = await post('/estimate', { action: { kind: 'markRead' }, target: unreadView, viewTotal: 5 })
    expect(estimate.status).toBe(200)
    expect(await estimate.json()).toMatchObject({ estimate: { conversations: 5, requests: { snapshot: 1, writes: 5, total: 6 }, allowed: true } })
    const dry = await post('/', { action: { kind: 'markRead' }, target: unreadView, viewTotal: 5, dryRun: true })
    expect(await dry.json()).toMatchObject({ estimate: { conversations: 5 } })
    expect(runner.list()).toEqual([])

    const started = await post('/', { action: { kind: 'markRead' }, target: unreadView, viewTotal: 5, createdBy: 'Jeanne' })
    expect(started.status).toBe(201)
    const { job } = (await started.json()) as { job: { id: string } }
    await runner.idle()
    const list = (await (await app.request('/')).json()) as { jobs: unknown[] }
    expect(list.jobs).toEqual([expect.objectContaining({ id: job.id, state: 'completed', changed: 5, createdBy: 'Jeanne' })])
    const detail = await app.request(`/${job.id}`)
    expect(await detail.json()).toMatchObject({ job: { id: job.id, failures: [], target: { type: 'view', view: { status: 'unread' } } } })
    expect((await app.request('/nope')).status).toBe(404)
  })

  it('refuses a body that is not a bounded, known job', async () => {
    const { post } = await setup()
    const cases: unknown[] = [
      { action: { kind: 'archive' }, target: unreadView },
      { action: { kind: 'assign' }, target: unreadView },
      { action: { kind: 'star' }, target: { type: 'selection', conversations: [] } },
      { action: { kind: 'star' }, target: { type: 'selection', conversations: [{ id: '../contacts' }] } },
      { action: { kind: 'star' }, target: { type: 'view', view: { locationId: 'Other000001' } } },
      { action: { kind: 'star' }, target: { type: 'view', view: { status: 'gone' } } },
    ]
    for (const body of cases) {
      const response = await post('/', body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(await response.json()).toMatchObject({ statusCode: 400, message: expect.stringMatching(/^Invalid bulk job: /) })
    }
    expect((await post('/', undefined)).status).toBe(400)
  })

  it('refuses a job over the daily budget share with the estimate, and everything that writes when read-only', async () => {
    const { post } = await setup()
    const refused = await post('/', { action: { kind: 'markRead' }, target: unreadView, viewTotal: 50_000 })
    expect(refused.status).toBe(422)
    expect(await refused.json()).toMatchObject({ message: expect.stringContaining('10 %'), estimate: { allowed: false } })

    const readOnly = await setup(true)
    const forbidden = await readOnly.post('/', { action: { kind: 'markRead' }, target: unreadView, viewTotal: 5 })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toMatchObject({ message: expect.stringContaining('read-only') })
    expect(readOnly.fake.calls).toEqual([])
    expect((await readOnly.post('/estimate', { action: { kind: 'markRead' }, target: unreadView, viewTotal: 5 })).status).toBe(200)
  })

  it('answers cancel and resume of a finished job, and retries its failed items by id', async () => {
    const { post, runner, fake } = await setup()
    fake.intercept = (call) => (call.path === '/conversations/Conv000001' ? { status: 404, headers: new Headers(), json: { message: 'Conversation not found' } } : undefined)
    const started = await post('/', { action: { kind: 'star' }, target: { type: 'selection', conversations: [{ id: 'Conv000000' }, { id: 'Conv000001' }] } })
    const { job } = (await started.json()) as { job: { id: string } }
    await runner.idle()
    const resumed = await post(`/${job.id}/resume`)
    expect(resumed.status).toBe(409)
    expect(await resumed.json()).toMatchObject({ message: `Job ${job.id} has completed; nothing is left to resume` })
    expect(await (await post(`/${job.id}/cancel`)).json()).toMatchObject({ job: { state: 'completed', failed: 1 } })
    fake.intercept = undefined
    const retried = await post(`/${job.id}/retry-failed`, { createdBy: 'Sam' })
    expect(retried.status).toBe(201)
    expect(await retried.json()).toMatchObject({ job: { retryOf: job.id, createdBy: 'Sam', total: 1 } })
    expect((await post('/unknown1/retry-failed')).status).toBe(404)
  })
})
