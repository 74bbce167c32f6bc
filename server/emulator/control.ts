import { readBoundedBody } from '../http/bounded-body'
import { CONTROL_BODY_MAX_BYTES } from '../http/emulator-control'
import { BUILT_IN_FIXTURES, type BuiltInFixture } from './fixtures'
import { arrive } from './live'
import { parseRate, parseRateLimit, type RateLimit } from './options'
import { outsideReply } from './outside-reply'
import { parseScopes } from './scopes'
import { DAILY_MAX } from './rate-limit'
import { badRequest, json, notFound } from './responses'
import { switchDataset, type EmulatorState, type Knobs } from './state'

export const CONTROL_PREFIX = '/_emulator/'

/**
 * The control endpoint: everything time-dependent can be triggered from here, so tests never
 * sleep. No auth: the app server exposes it only in emulator mode.
 */
export async function handleControl(state: EmulatorState, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '')
  const route = `${request.method} ${path}`
  if (route === 'GET state') return json(describeState(state))
  const body = request.method === 'POST' ? await readBody(request) : undefined
  if (body instanceof Response) return body
  switch (route) {
    case 'POST arrive': {
      const result = arrive(state, {
        count: typeof body?.count === 'number' ? body.count : undefined,
        conversationId: typeof body?.conversationId === 'string' ? body.conversationId : undefined,
      })
      return result.ok ? json(result) : badRequest(result.message)
    }
    case 'POST reply': {
      const result = outsideReply(state, { conversationId: body?.conversationId, body: body?.body, userId: body?.userId ?? undefined })
      return result.ok ? json(result) : badRequest(result.message)
    }
    case 'POST knobs': {
      const knobs = knobsOf(body ?? {}, state.startKnobs)
      if (typeof knobs === 'string') return badRequest(knobs)
      state.knobs = knobs
      state.rateLimiter.limit = knobs.rateLimit
      state.rateLimiter.dailyRemaining = knobs.dailyRemaining
      state.rateLimiter.reset()
      return json(describeState(state))
    }
    case 'POST dataset': {
      const fixture = body?.fixture
      if (fixture !== 'generated' && !BUILT_IN_FIXTURES.includes(fixture as BuiltInFixture)) {
        return badRequest(`fixture must be one of: generated, ${BUILT_IN_FIXTURES.join(', ')}`)
      }
      switchDataset(state, fixture as 'generated' | BuiltInFixture)
      return json(describeState(state))
    }
    default:
      return notFound(`No control route ${route}`)
  }
}

/**
 * A small JSON object, never read whole when it is not small. (The listeners in front, the app
 * server and `npm run emulator`, also refuse bodies that are not `application/json`.)
 */
async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
  const text = await readBoundedBody(request, CONTROL_BODY_MAX_BYTES)
  if (text === undefined) return json({ statusCode: 413, message: `Control bodies are at most ${CONTROL_BODY_MAX_BYTES} bytes` }, 413)
  if (text.trim() === '') return {}
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>
  } catch {
    // Falls through to the same answer as a non-object body.
  }
  return badRequest('The body must be a JSON object')
}

/** Absent knobs keep their start values, so `{}` resets everything. */
function knobsOf(body: Record<string, unknown>, start: Knobs): Knobs | string {
  const knobs: Knobs = { ...start }
  for (const name of ['latencyMs', 'jitterMs'] as const) {
    const value = body[name]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 60_000) {
      return `${name} must be an integer from 0 to 60000`
    }
    knobs[name] = value
  }
  if (body.dailyRemaining !== undefined && body.dailyRemaining !== null) {
    const value = body.dailyRemaining
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > DAILY_MAX) {
      return `dailyRemaining must be an integer from 0 to ${DAILY_MAX}`
    }
    knobs.dailyRemaining = value
  }
  try {
    if (body.failureRate !== undefined) knobs.failureRate = parseRate('failureRate', String(body.failureRate))
    if (body.rateLimit !== undefined) knobs.rateLimit = rateLimitOf(body.rateLimit)
    if (body.missingScopes !== undefined) knobs.missingScopes = parseScopes(body.missingScopes)
  } catch (error) {
    return (error as Error).message
  }
  return knobs
}

/** `"100/10000"`, `{max, intervalMs}`, or null/"off" to turn limiting off. */
function rateLimitOf(value: unknown): RateLimit | undefined {
  if (value === null || value === 'off') return undefined
  if (typeof value === 'string') return parseRateLimit('rateLimit', value)
  if (typeof value === 'object' && value !== null && 'max' in value && 'intervalMs' in value) {
    return parseRateLimit('rateLimit', `${String(value.max)}/${String(value.intervalMs)}`)
  }
  throw new Error('rateLimit must look like "100/10000", {"max":100,"intervalMs":10000} or null')
}

export function describeState(state: EmulatorState): Record<string, unknown> {
  return {
    dataset: state.dataset,
    seed: state.seed,
    startedAt: state.startedAt,
    now: state.clock(),
    knobs: { ...state.knobs, rateLimit: state.knobs.rateLimit ?? null, dailyRemaining: state.knobs.dailyRemaining ?? null },
    liveIntervalMs: state.options.liveIntervalMs ?? null,
    locations: state.stores.map((store) => ({
      id: store.location.id,
      name: store.location.name,
      conversations: store.rows.length,
      users: store.location.users.length,
      scoreProfiles: store.location.scoreProfiles,
    })),
  }
}
