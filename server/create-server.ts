import { Hono, type Context } from 'hono'
import { accessSecret } from './http/access-secret.ts'
import { appRequestsOnly } from './http/app-requests.ts'
import { clientKey, type NodeEnv } from './http/client-key.ts'
import { toEmulatorRequest } from './http/emulator-control.ts'
import { refuseForwarded } from './http/forwarding-headers.ts'
import { hostCheck } from './http/host-check.ts'
import { inboxClientOf } from './http/inbox-client.ts'
import { jsonError } from './http/json-error.ts'
import { rawTargetCheck } from './http/raw-target.ts'
import { requestLog, type LogLine } from './http/request-log.ts'
import { securityHeaders } from './http/security-headers.ts'
import { createBudgetRoutes } from './budget/routes.ts'
import { createInbox, type Inbox } from './inbox.ts'
import { createJobRoutes } from './jobs/routes.ts'
import type { JobRunner } from './jobs/runner.ts'
import { createLiveRoutes } from './live/routes.ts'
import type { ForwardContext, Upstream } from './proxy/forward.ts'
import { createSpaHandler } from './static/spa.ts'
import { createPageRenderer, type ServerEntry } from './ssr/render-page.ts'
import { DEFAULT_FIRST_PAGE_WAIT_MS } from './settings.ts'
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
  /** Set when `/_emulator/*` (the emulator's test controls) is served; see `serverOptionsFrom`. */
  emulatorControl?: Upstream | undefined
  /** The bound address, used for the Host check. */
  host: string
  port: number
  allowedHosts: readonly string[]
  accessSecret?: string | undefined
  /** A sign-in proxy in front checks users: forwarding headers are then expected. */
  allowUnauthenticated?: boolean | undefined
  /** `GHL_READ_ONLY=1`: every write refused with 403. */
  readOnly?: boolean | undefined
  /** Undefined turns pacing off. */
  rateLimit: { limit: number; windowMs: number } | undefined
  queueMax: number
  timeoutMs: number
  distDir: string
  log?: LogLine
  /**
   * The gateway, shared read, hub and watcher, when the caller needs them before the server
   * (bulk jobs send through the same gateway); built from the options above when left out.
   */
  inbox?: Inbox | undefined
  /** The longest wait for HighLevel's first page of a page's view (`FIRST_PAGE_WAIT_MS`); see docs/server.md. */
  firstPageWaitMs?: number | undefined
  /** The server render's module, when not the built one (tests pass src/entry-server.tsx). */
  renderEntry?: (() => Promise<ServerEntry | undefined>) | undefined
  /** Bulk jobs, served at `/_inbox/jobs`; without them that path is a 404. */
  jobs?: JobRunner | undefined
}

/** What `/config.json` tells the app (the app's own schema): never a secret. */
function publicConfig(options: ServerOptions): AppConfig {
  const config: AppConfig = { mode: options.mode, locationId: options.location.id, readOnly: options.readOnly ?? false }
  if (options.location.name !== undefined) config.locationName = options.location.name
  if (options.appUrl !== undefined) config.appUrl = options.appUrl
  return config
}

export function inboxFor(options: ServerOptions): Inbox {
  return createInbox({
    upstream: options.upstream,
    apiBase: options.apiBase,
    apiVersion: options.apiVersion,
    token: options.token,
    locationId: options.location.id,
    rateLimit: options.rateLimit,
    queueMax: options.queueMax,
    timeoutMs: options.timeoutMs,
    readOnly: options.readOnly ?? false,
  })
}

/** The pacer's client: the address, and the tab when the app names it (tabs of one browser take turns too). */
function forwardContext(c: Context<NodeEnv>, trustForwarded: boolean): ForwardContext {
  const tab = inboxClientOf(c)
  const address = clientKey(c, trustForwarded)
  return { client: tab === undefined ? address : `${address} ${tab}`, by: tab }
}

/** The server's own endpoints: live updates and presence, the daily budget, and bulk jobs when there are any. */
function inboxRoutes(inbox: Inbox, options: ServerOptions): Hono {
  const routes = new Hono()
  routes.route('/', createLiveRoutes({ hub: inbox.hub, presence: inbox.presence, watcher: inbox.watcher }))
  routes.route('/budget', createBudgetRoutes(inbox.gateway.dailyBudget))
  if (options.jobs) routes.route('/jobs', createJobRoutes({ runner: options.jobs, readOnly: options.readOnly ?? false }))
  return routes
}

/** `EventSource` cannot set the app's header; the push endpoint is checked without it. */
const isPushStream = (method: string, path: string): boolean => method === 'GET' && path === '/_inbox/events'

/** The whole server as a Hono app; `server/main.ts` only reads settings and listens. */
export function createServer(options: ServerOptions): Hono<NodeEnv> {
  const log = options.log ?? ((line: string) => console.log(line))
  const app = new Hono<NodeEnv>()
  const inbox = options.inbox ?? inboxFor(options)
  if (options.jobs) inbox.relayJobs(options.jobs)
  const spa = createSpaHandler(options.distDir)
  const renderPage = createPageRenderer({
    distDir: options.distDir,
    config: publicConfig(options),
    firstPageWaitMs: options.firstPageWaitMs ?? DEFAULT_FIRST_PAGE_WAIT_MS,
    log,
    loadEntry: options.renderEntry,
  })
  const config = JSON.stringify(publicConfig(options))
  const signedIn = options.accessSecret !== undefined || options.allowUnauthenticated === true

  app.use(requestLog(log))
  app.use(securityHeaders)
  app.use(hostCheck(options))
  app.use(rawTargetCheck)
  if (!signedIn) app.use(refuseForwarded)
  if (options.accessSecret !== undefined) app.use(accessSecret(options.accessSecret))

  const appOnly = appRequestsOnly({ markerExempt: isPushStream })
  app.use('/api/*', appOnly)
  app.use('/_inbox/*', appOnly)
  app.get('/config.json', () => new Response(config, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  }))
  app.all('/api/*', (c) => inbox.sharedRead.fetch(c.req.raw, forwardContext(c, signedIn)))
  app.route('/_inbox', inboxRoutes(inbox, options))
  app.all('/_inbox/*', () => jsonError(404, 'Not an endpoint of this server'))

  const { emulatorControl } = options
  app.all('/_emulator/*', async (c) => {
    if (!emulatorControl) return jsonError(404, 'Not found')
    const request = await toEmulatorRequest(c)
    if (request instanceof Response) return request
    const answer = await emulatorControl(request)
    // The controls change what "HighLevel" answers: nothing kept from before may show after.
    if (request.method !== 'GET' && answer.ok) inbox.sharedRead.forget()
    // A copy, so the security headers can be added whatever kind of Response came back.
    return new Response(answer.body, answer)
  })
  app.all('*', (c) => {
    // The page's first rows are read as the browser's own read would be: shared, paced, pinned.
    const context = { client: clientKey(c, signedIn) }
    const read = (path: string) => inbox.sharedRead.fetch(new Request(new URL(path, c.req.url)), context)
    return spa(c.req.raw, (request) => renderPage({ request, read }))
  })

  app.onError((error) => {
    log(`error: ${error.name}: ${error.message}`)
    return jsonError(500, 'The inbox server failed to answer; see its log')
  })
  return app
}
