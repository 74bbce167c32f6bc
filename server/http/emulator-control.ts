import { Hono, type Context } from 'hono'
import { refuseCrossSite } from './app-requests.ts'
import { isJsonType, readBoundedBody } from './bounded-body.ts'
import { hostCheck, type HostCheckOptions } from './host-check.ts'
import { jsonError } from './json-error.ts'
import { securityHeaders } from './security-headers.ts'

/** The emulator's controls take small JSON objects. */
export const CONTROL_BODY_MAX_BYTES = 64 * 1024

/**
 * Checks a `/_emulator/*` request and re-addresses it to the emulator without the browser's
 * credentials. Bodies are JSON only — a cross-site form can send `text/plain` but not
 * `application/json` without a preflight, which is never answered — and at most 64 KB.
 */
export async function toEmulatorRequest(c: Context): Promise<Request | Response> {
  const refused = refuseCrossSite(c, false)
  if (refused) return refused
  const request = c.req.raw
  const url = new URL(request.url)
  const headers = new Headers(request.headers)
  headers.delete('authorization')
  headers.delete('cookie')
  let body: string | null = null
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const text = await readBoundedBody(request, CONTROL_BODY_MAX_BYTES)
    if (text === undefined) return jsonError(413, `Control bodies are at most ${CONTROL_BODY_MAX_BYTES} bytes`)
    if (text !== '' && !isJsonType(request.headers.get('content-type'))) {
      return jsonError(415, 'Control bodies must be application/json')
    }
    body = text
  }
  return new Request(`http://emulator.local${url.pathname}${url.search}`, { method: request.method, headers, body })
}

/**
 * `npm run emulator` on its own: HighLevel's paths and the controls, behind the same Host
 * check (no DNS rebinding) and cross-site refusal as the app server. Its API clients are
 * programs (HighLevel's SDK, curl), which send neither `Origin` nor `Sec-Fetch-Site`.
 */
export function standaloneEmulator(fetchEmulator: (request: Request) => Promise<Response>, listener: HostCheckOptions): Hono {
  const app = new Hono()
  app.use(securityHeaders)
  app.use(hostCheck(listener))
  app.use(async (c, next) => {
    const refused = refuseCrossSite(c, false)
    if (refused) return refused
    await next()
  })
  app.all('/_emulator/*', async (c) => {
    const request = await toEmulatorRequest(c)
    return request instanceof Response ? request : copy(await fetchEmulator(request))
  })
  app.all('*', async (c) => copy(await fetchEmulator(c.req.raw)))
  return app
}

/** A Response of our own, so headers can be added whatever kind came back. */
function copy(answer: Response): Response {
  return new Response(answer.body, answer)
}
