import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type ServerOptions, type Upstream } from '../create-server.ts'
import { createMemoryJobStore } from '../jobs/job-store.ts'
import { createJobRunner, type JobRunner } from '../jobs/runner.ts'

export const TOKEN = 'pit-test-secret-token-0123456789'
export const LOCATION_ID = 'loc1234567'
export const ORIGIN = 'http://127.0.0.1:4173'

/** A fake HighLevel that records what reached it and answers with `respond`. */
export function recordingUpstream(
  respond: (request: Request) => Response | Promise<Response> = () => Response.json({ conversations: [], total: 0 }),
): Upstream & { requests: Request[] } {
  const requests: Request[] = []
  const upstream = async (request: Request): Promise<Response> => {
    requests.push(request)
    return respond(request)
  }
  return Object.assign(upstream, { requests })
}

let builtDist: string | undefined

/** A built app in a temporary folder (one per test file): index.html plus one hashed asset. */
export function fakeDist(): string {
  if (builtDist !== undefined) return builtDist
  const dir = mkdtempSync(join(tmpdir(), 'inbox-dist-'))
  builtDist = dir
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Inbox</title><script type="module" src="/assets/index-abc123.js"></script>')
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("inbox")')
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  return dir
}

/** What the app's own calls carry: the marker header, and on writes its Origin (as browsers send it). */
export function appHeaders(method = 'GET'): Record<string, string> {
  return method === 'GET' || method === 'HEAD' ? { 'x-highlevel-inbox': '1' } : { 'x-highlevel-inbox': '1', origin: ORIGIN }
}

export function testServer(overrides: Partial<ServerOptions> = {}) {
  const logs: string[] = []
  const upstream = recordingUpstream()
  const options: ServerOptions = {
    mode: 'live',
    location: { id: LOCATION_ID, name: 'Test Location' },
    token: TOKEN,
    apiBase: 'https://services.example.test',
    apiVersion: '2021-07-28',
    appUrl: 'https://app.example.test',
    upstream,
    host: '127.0.0.1',
    port: 4173,
    allowedHosts: [],
    rateLimit: undefined,
    queueMax: 10,
    timeoutMs: 1000,
    distDir: fakeDist(),
    log: (line) => logs.push(line),
    ...overrides,
  }
  const app = createServer(options)
  /** Exactly the request given: what another site's page or a script could send. */
  const bare = (path: string, init: RequestInit = {}): Promise<Response> =>
    Promise.resolve(app.fetch(new Request(`${ORIGIN}${path}`, init)))
  /** The request as the app sends it: `appHeaders`, then `init.headers` on top. */
  const request = (path: string, init: RequestInit = {}): Promise<Response> =>
    bare(path, { ...init, headers: { ...appHeaders(init.method), ...Object.fromEntries(new Headers(init.headers)) } })
  return { app, request, bare, logs, upstream, options }
}

/** A job runner in memory whose calls HighLevel never sees: enough for the routes' checks. */
export function memoryJobs(): Promise<JobRunner> {
  return createJobRunner({
    store: createMemoryJobStore(),
    send: () => Promise.resolve({ status: 200, headers: new Headers(), json: { conversations: [], total: 0 } }),
    locationId: LOCATION_ID,
    log: () => {},
  })
}
