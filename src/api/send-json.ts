import { APP_REQUEST_HEADERS } from '../lib/client-id'
import type { z } from 'zod/mini'
import { ApiError, ResponseShapeError } from './http'
import { apiErrorBodySchema } from './schemas/api-error'

/**
 * POST (or PUT) a JSON body to a relative `/api/...` path and parse the answer with `schema`:
 * `getJson`'s sibling for writes. The custom header marks the request as the app's own, which a
 * cross-site form cannot imitate; the server refuses writes without it.
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...APP_REQUEST_HEADERS },
    body: JSON.stringify(body),
    signal: options.signal,
  })
  const json: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const parsed = apiErrorBodySchema.safeParse(json)
    throw new ApiError(response.status, parsed.success ? parsed.data : undefined, response.headers)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new ResponseShapeError(path, parsed.error)
  return parsed.data
}
