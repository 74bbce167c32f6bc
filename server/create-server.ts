import { Hono } from 'hono'
import { accessSecret } from './http/access-secret.ts'
import { hostCheck } from './http/host-check.ts'
import { jsonError } from './http/json-error.ts'
import { rawTargetCheck } from './http/raw-target.ts'
import { sameOriginOnly } from './http/same-origin.ts'
import { requestLog, type LogLine } from './http/request-log.ts'
import { securityHeaders } from './http/security-headers.ts'
import { createProxy, type Upstream } from './proxy/forward.ts'
import { createPacer } from './proxy/pacer.ts'
import { createSpaHandler } from './static/spa.ts'
import type { AppConfig } from '../src/api/schemas/config.ts'

export type { Upstream } from './proxy/forward.ts'


export interface ServerOptions {
  mode: AppConfig['mode']
  /** The one location this server serves; requests naming another are refused. */
  location: { id: string; name?: string | undefined }
  token: string
  apiBase: string
  apiVersion: string
  appUrl?: string | undefined
  /** Where `/api/*` goes after the checks: `fetch` for HighLevel, `emulator.fetch` for demo data. */
  upstream: Upstream
  /** Emulator mode only: receives `/_emulator/*` (its test controls) unchanged. */
  emulatorControl?: Upstream | undefined
  /** The bound address, used for the Host check. */
  host: string
  port: number
  allowedHosts: readonly string[]
  accessSecret?: string | undefined
  /** Undefined turns pacing off. */
  rateLimit: { limit: number; windowMs: number } | undefined
  queueMax: number
  timeoutMs: number
  distDir: string
  log?: LogLine
}

/** What `/config.json` tells the app (the app's own schema): never a secret. */
function publicConfig(options: ServerOptions): AppConfig {
  const config: AppConfig = { mode: options.mode, locationId: options.location.id }
  if (options.location.name !== undefined) config.locationName = options.location.name
  if (options.appUrl !== undefined) config.appUrl = options.appUrl
  return config
}

/** Re-addresses a browser request to the emulator without the browser's credentials. */
async function toEmulator(request: Request): Promise<Request> {
  const url = new URL(request.url)
  const headers = new Headers(request.headers)
  headers.delete('authorization')
  headers.delete('cookie')
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(`http://emulator.local${url.pathname}${url.search}`, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : null,
  })
}

/** The whole server as a Hono app; `server/main.ts` only reads settings and listens. */
export function createServer(options: ServerOptions): Hono {
  const log = options.log ?? ((line: string) => console.log(line))
  const app = new Hono()
  const proxy = createProxy({
    upstream: options.upstream,
    apiBase: options.apiBase,
    apiVersion: options.apiVersion,
    token: options.token,
    locationId: options.location.id,
    timeoutMs: options.timeoutMs,
    pacer: options.rateLimit && createPacer({ ...options.rateLimit, queueMax: options.queueMax }),
    holdFallbackMs: options.rateLimit?.windowMs ?? 0,
  })
  const spa = createSpaHandler(options.distDir)
  const config = JSON.stringify(publicConfig(options))

  app.use(requestLog(log))
  app.use(securityHeaders)
  app.use(hostCheck(options))
  app.use(rawTargetCheck)
  if (options.accessSecret !== undefined) app.use(accessSecret(options.accessSecret))

  app.use('/api/*', sameOriginOnly)
  app.use('/_emulator/*', sameOriginOnly)
  app.get('/config.json', () => new Response(config, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  }))
  app.all('/api/*', (c) => proxy(c.req.raw, new URL(c.req.url).pathname.slice('/api'.length)))
  const { emulatorControl } = options
  app.all('/_emulator/*', async (c) => {
    if (!emulatorControl) return jsonError(404, 'Not found')
    const answer = await emulatorControl(await toEmulator(c.req.raw))
    // A copy, so the security headers can be added whatever kind of Response came back.
    return new Response(answer.body, answer)
  })
  app.all('*', (c) => spa(c.req.raw))

  app.onError((error) => {
    log(`error: ${error.name}: ${error.message}`)
    return jsonError(500, 'The inbox server failed to answer; see its log')
  })
  return app
}
