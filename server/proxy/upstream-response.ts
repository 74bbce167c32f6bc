import { isJsonType, readBoundedBody } from '../http/bounded-body.ts'
import { jsonError } from '../http/json-error.ts'
import { staysInLocation } from './location-guard.ts'

/**
 * Which upstream headers reach the browser. Everything else stays behind: `set-cookie`
 * would plant HighLevel cookies on our origin, and `content-encoding`/`content-length`
 * describe the compressed body `fetch` has already unpacked.
 */
function isPassedThrough(name: string): boolean {
  return name === 'retry-after' || name.startsWith('x-ratelimit-')
}

const REDACTED = '[redacted]'
/** A page of 100 conversations is ~200 KB, a templates page with rich HTML a few MB at most. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024

export interface PassThroughOptions {
  token: string
  /** Set for routes fetched by id, whose answer must name this location only. */
  guardLocation: string | undefined
  maxBytes?: number
}

export interface Answer {
  response: Response
  /** The parsed body of a successful answer, for the server's own bookkeeping; else undefined. */
  json: unknown
}

/**
 * Copies the upstream answer with its status and body, as JSON only: an HTML page from a
 * misbehaving upstream (or anything in between) must never be served as a page of our origin.
 * The body is read whole, up to a cap, so the timeout covers it too, and so a token echoed back
 * by a misbehaving upstream can be blanked before it reaches the browser.
 */
export async function passThrough(upstream: Response, options: PassThroughOptions): Promise<Answer> {
  const { token, guardLocation, maxBytes = MAX_ANSWER_BYTES } = options
  const headers: Record<string, string> = {}
  upstream.headers.forEach((value, name) => {
    if (isPassedThrough(name)) headers[name] = value
  })
  const failed = (message: string): Answer => ({
    response: jsonError(upstream.status >= 400 ? upstream.status : 502, message, headers),
    json: undefined,
  })
  if (upstream.status === 204 || upstream.status === 304) {
    return { response: new Response(null, { status: upstream.status, headers: { ...headers, 'cache-control': 'no-store' } }), json: undefined }
  }
  const contentType = upstream.headers.get('content-type')
  if (!isJsonType(contentType)) {
    await upstream.body?.cancel()
    return failed(`HighLevel answered HTTP ${upstream.status} with ${contentType ?? 'no content type'} instead of JSON`)
  }
  let body = await readBoundedBody(upstream, maxBytes)
  if (body === undefined) return failed(`HighLevel's answer was larger than ${maxBytes} bytes`)
  if (token !== '' && body.includes(token)) body = body.split(token).join(REDACTED)
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return failed(`HighLevel answered HTTP ${upstream.status} with a body that is not JSON`)
  }
  if (guardLocation !== undefined && upstream.ok && !staysInLocation(json, guardLocation)) {
    return { response: jsonError(403, `This server only serves location ${guardLocation}`), json: undefined }
  }
  const response = new Response(body, {
    status: upstream.status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })
  return { response, json: upstream.ok ? json : undefined }
}
