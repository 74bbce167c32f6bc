import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { jsonError } from '../http/json-error.ts'
import type { Estimate } from './estimate.ts'
import { describeIssues, jobRequestSchema, MAX_BODY_BYTES, toJobRequest } from './job-request.ts'
import { JobError, type JobErrorCode, type JobRunner } from './runner.ts'

export interface JobRoutesOptions {
  runner: JobRunner
  /** GHL_READ_ONLY: nothing that changes conversations may start (cancel still works). */
  readOnly: boolean
}

const READ_ONLY_MESSAGE = 'This inbox is read-only (GHL_READ_ONLY=1): bulk jobs cannot be started'
const JOB_ID = /^[A-Za-z0-9-]{1,64}$/

const STATUS: Record<JobErrorCode, 404 | 409 | 422 | 502> = { 'not-found': 404, conflict: 409, refused: 422, upstream: 502 }

function refusedWith(error: JobError): Response {
  const body: { statusCode: number; message: string; error: string; estimate?: Estimate } = {
    statusCode: STATUS[error.code],
    message: error.message,
    error: error.code === 'refused' ? 'Unprocessable Entity' : 'Error',
  }
  if (error.estimate) body.estimate = error.estimate
  return Response.json(body, { status: body.statusCode, headers: { 'cache-control': 'no-store' } })
}

async function answer(work: () => Promise<unknown>, status: 200 | 201 = 200): Promise<Response> {
  try {
    return Response.json(await work(), { status, headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    if (error instanceof JobError) return refusedWith(error)
    throw error
  }
}

async function readRequest(c: Context) {
  let json: unknown
  try {
    json = await c.req.json()
  } catch {
    return { ok: false as const, response: jsonError(400, 'The body must be JSON') }
  }
  const parsed = jobRequestSchema.safeParse(json)
  if (!parsed.success) return { ok: false as const, response: jsonError(400, `Invalid bulk job: ${describeIssues(parsed.error)}`) }
  return { ok: true as const, dryRun: parsed.data.dryRun === true, request: toJobRequest(parsed.data) }
}

/**
 * `/_inbox/jobs`: bulk jobs, shared by everyone on this server (docs/bulk-jobs.md). The
 * server's Host, secret, same-origin and `X-HighLevel-Inbox` checks run before these.
 */
export function createJobRoutes(options: JobRoutesOptions): Hono {
  const { runner, readOnly } = options
  const app = new Hono()
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => jsonError(413, `A bulk job body may not exceed ${MAX_BODY_BYTES} bytes`) })
  const refuseReadOnly = (): Response | undefined => (readOnly ? jsonError(403, READ_ONLY_MESSAGE) : undefined)

  app.get('/', (c) => c.json({ jobs: runner.list(), setAside: runner.setAside }, 200, { 'cache-control': 'no-store' }))

  app.post('/estimate', limit, async (c) => {
    const read = await readRequest(c)
    if (!read.ok) return read.response
    return answer(async () => ({ estimate: await runner.estimate(read.request) }))
  })

  app.post('/', limit, async (c) => {
    const read = await readRequest(c)
    if (!read.ok) return read.response
    if (read.dryRun) return answer(async () => ({ estimate: await runner.estimate(read.request) }))
    return refuseReadOnly() ?? answer(async () => ({ job: await runner.start(read.request) }), 201)
  })

  app.use('/:id/*', async (c, next) => {
    if (!JOB_ID.test(c.req.param('id'))) return jsonError(404, 'No such bulk job')
    await next()
  })

  app.get('/:id', (c) => {
    const job = JOB_ID.test(c.req.param('id')) ? runner.get(c.req.param('id')) : undefined
    return job ? c.json({ job }, 200, { 'cache-control': 'no-store' }) : jsonError(404, `No bulk job ${c.req.param('id')}`)
  })
  app.post('/:id/cancel', (c) => answer(async () => ({ job: await runner.cancel(c.req.param('id')) })))
  app.post('/:id/resume', (c) => refuseReadOnly() ?? answer(async () => ({ job: await runner.resume(c.req.param('id')) })))
  app.post('/:id/retry-failed', limit, async (c) => {
    const refused = refuseReadOnly()
    if (refused) return refused
    let createdBy: string | undefined
    const text = await c.req.text()
    if (text !== '') {
      const parsed = retryBodySchema.safeParse(safeJson(text))
      if (!parsed.success) return jsonError(400, `Invalid body: ${describeIssues(parsed.error)}`)
      createdBy = parsed.data.createdBy
    }
    return answer(async () => ({ job: await runner.retryFailed(c.req.param('id'), createdBy) }), 201)
  })
  return app
}

const retryBodySchema = jobRequestSchema.pick({ createdBy: true })

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
