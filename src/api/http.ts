import { APP_REQUEST_HEADERS } from '../lib/client-id'
import type { z } from 'zod/mini'
import { apiErrorBodySchema, type ApiErrorBody } from './schemas/api-error'

/** An HTTP answer other than 2xx, with HighLevel's error body when it sent one. */
export class ApiError extends Error {
  readonly status: number
  readonly body: ApiErrorBody | undefined
  readonly headers: Headers

  constructor(status: number, body: ApiErrorBody | undefined, headers: Headers) {
    const message = body?.message
    super(Array.isArray(message) ? message.join('; ') : (message ?? `HTTP ${status}`))
    this.name = 'ApiError'
    this.status = status
    this.body = body
    this.headers = headers
  }
}

/** The body of a 2xx answer did not have the expected shape. */
export class ResponseShapeError extends Error {
  constructor(path: string, cause: unknown) {
    super(`The answer from ${path} was not in the expected shape`, { cause })
    this.name = 'ResponseShapeError'
  }
}

/**
 * GET a relative path (`/config.json`, `/api/...`) and parse the JSON answer with `schema`.
 * Knows nothing of tokens: the server adds them.
 */
export async function getJson<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  options: { params?: URLSearchParams; signal?: AbortSignal } = {},
): Promise<T> {
  const query = options.params?.toString()
  const response = await fetch(query ? `${path}?${query}` : path, {
    // Marks the app's own calls (the server refuses `/api` requests a cross-site page could make) and the tab.
    headers: { Accept: 'application/json', ...APP_REQUEST_HEADERS },
    signal: options.signal,
  })
  const json: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const body = apiErrorBodySchema.safeParse(json)
    throw new ApiError(response.status, body.success ? body.data : undefined, response.headers)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new ResponseShapeError(path, parsed.error)
  return parsed.data
}
