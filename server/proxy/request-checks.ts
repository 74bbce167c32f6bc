import type { AllowedRoute } from './allow-list.ts'
import { isJsonType, readBoundedBody } from '../http/bounded-body.ts'

export type Refusal = { ok: false; status: 400 | 403 | 413 | 415; message: string }
export type QueryCheck = { ok: true; query: URLSearchParams } | Refusal
export type BodyCheck = { ok: true; body: Record<string, unknown> } | Refusal

function refuse(status: Refusal['status'], message: string): Refusal {
  return { ok: false, status, message }
}

/**
 * Only the route's known keys go upstream, each once and as one checked string; `locationId`
 * may be given only as the pinned location. Anything else is refused rather than dropped, so
 * `locationId[]=`, `locationId[$ne]=`, `LocationID=` never reach HighLevel beside the pinned one.
 */
export function checkQuery(search: string, route: AllowedRoute, locationId: string): QueryCheck {
  const given = new URLSearchParams(search)
  const query = new URLSearchParams()
  const forced = route.forcedQuery?.(locationId) ?? {}
  for (const key of new Set(given.keys())) {
    const values = given.getAll(key)
    if (key === 'locationId' || Object.hasOwn(forced, key)) {
      const expected = key === 'locationId' ? locationId : forced[key]
      if (values.some((value) => value !== expected)) return refuse(403, `This server only serves location ${locationId}`)
      continue
    }
    const check = Object.hasOwn(route.query, key) ? route.query[key] : undefined
    if (!check) {
      const known = Object.keys(route.query)
      return refuse(400, `Unknown query parameter "${key}"; this path takes ${known.length > 0 ? known.join(', ') : 'none'}`)
    }
    if (values.length > 1) return refuse(400, `Query parameter "${key}" must be given once`)
    const parsed = check.safeParse(values[0])
    if (!parsed.success) return refuse(400, `Query parameter "${key}" ${parsed.error.issues[0]?.message ?? 'is not valid'}`)
    query.set(key, parsed.data)
  }
  for (const [key, value] of Object.entries(forced)) query.set(key, value)
  if (route.pinsLocation) query.set('locationId', locationId)
  return { ok: true, query }
}

/** A write's body: JSON only (a cross-site form cannot send it), bounded, and only its fields. */
export async function checkBody(request: Request, route: AllowedRoute): Promise<BodyCheck> {
  const write = route.write
  if (!write) return { ok: true, body: {} }
  if (!isJsonType(request.headers.get('content-type'))) return refuse(415, 'Send the body as application/json')
  const text = await readBoundedBody(request, write.body.maxBytes)
  if (text === undefined) return refuse(413, `The body is larger than ${write.body.maxBytes} bytes`)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return refuse(400, 'The body is not JSON')
  }
  const parsed = write.body.schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    if (issue?.code === 'unrecognized_keys') return refuse(400, `Body field "${issue.keys.join('", "')}" is not accepted here`)
    const field = issue?.path.join('.') ?? ''
    return refuse(400, `Body${field ? ` field "${field}"` : ''}: ${issue?.message ?? 'not valid'}`)
  }
  return { ok: true, body: parsed.data }
}
