import { jsonError } from '../http/json-error.ts'
import { staysInLocation } from './location-guard.ts'

/**
 * Which upstream headers reach the browser. Everything else stays behind: `set-cookie`
 * would plant HighLevel cookies on our origin, and `content-encoding`/`content-length`
 * describe the compressed body `fetch` has already unpacked.
 */
function isPassedThrough(name: string): boolean {
  return name === 'content-type' || name === 'retry-after' || name.startsWith('x-ratelimit-')
}

const REDACTED = '[redacted]'

export interface PassThroughOptions {
  token: string
  /** Set for routes fetched by id, whose answer must name this location only. */
  guardLocation: string | undefined
}

/**
 * Copies the upstream answer with its status and body. The body is read whole (answers are
 * a page of conversations at most) so the timeout covers it too, and so a token echoed
 * back by a misbehaving upstream can be blanked before it reaches the browser.
 */
export async function passThrough(upstream: Response, options: PassThroughOptions): Promise<Response> {
  const { token, guardLocation } = options
  const headers = new Headers({ 'cache-control': 'no-store' })
  upstream.headers.forEach((value, name) => {
    if (isPassedThrough(name)) headers.set(name, value)
  })
  let body = await upstream.text()
  if (token !== '' && body.includes(token)) body = body.split(token).join(REDACTED)
  if (guardLocation !== undefined && upstream.ok && !staysInLocation(body, guardLocation)) {
    return jsonError(403, `This server only serves location ${guardLocation}`)
  }
  const nullBody = upstream.status === 204 || upstream.status === 304
  return new Response(nullBody ? null : body, { status: upstream.status, headers })
}
