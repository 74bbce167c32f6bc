import type { Server } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inboxFor, type ServerOptions } from '../create-server.ts'
import type { Inbox } from '../inbox.ts'
import { openJobs, type Jobs, type OpenJobsOptions } from '../jobs/open-jobs.ts'
import type { Upstream } from '../proxy/forward.ts'
import { createTestClient, type TestClient } from '../emulator/test-client.ts'
import type { EmulatorOptions } from '../emulator/options.ts'
import { close, startInboxServer } from './http-harness.ts'
import { fakeDist } from './test-server.ts'

/** What the app's calls carry, for the server on `origin`: marker, tab id, and on writes its Origin and JSON. */
export function appCall(origin: string, tab: string, method = 'GET', body?: unknown): RequestInit {
  const headers: Record<string, string> = { 'x-highlevel-inbox': '1', 'x-highlevel-inbox-client': tab }
  if (method !== 'GET') Object.assign(headers, { origin, 'content-type': 'application/json' })
  return { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }
}

export interface WiredServer {
  origin: string
  inbox: Inbox
  jobs: Jobs
  /** Stops the jobs where they are (as SIGTERM does), then the listener. */
  stop(): Promise<void>
}

export interface WiredOptions {
  upstream: Upstream
  token: string
  locationId: string
  apiBase?: string
  rateLimit?: ServerOptions['rateLimit']
  queueMax?: number
  dataDir?: string
  jobs?: Partial<Omit<OpenJobsOptions, 'dataDir' | 'send' | 'pacer' | 'locationId'>>
}

/** A temporary DATA_DIR, fresh for each call. */
export const freshDataDir = (): string => mkdtempSync(join(tmpdir(), 'inbox-jobs-'))

/** The server as `server/main.ts` wires it — one inbox, bulk jobs on a data directory — on a real socket. */
export async function startWiredServer(options: WiredOptions): Promise<WiredServer> {
  const serverOptions: ServerOptions = {
    mode: 'live',
    location: { id: options.locationId },
    token: options.token,
    apiBase: options.apiBase ?? 'http://emulator.local',
    apiVersion: '2021-07-28',
    upstream: options.upstream,
    host: '127.0.0.1',
    port: 0,
    allowedHosts: ['127.0.0.1'],
    rateLimit: options.rateLimit,
    queueMax: options.queueMax ?? 100,
    timeoutMs: 10_000,
    distDir: fakeDist(),
    log: () => {},
  }
  const inbox = inboxFor(serverOptions)
  const { pacer } = inbox.gateway
  const jobs = await openJobs({
    dataDir: options.dataDir ?? freshDataDir(),
    send: inbox.jobSend,
    pacer,
    locationId: options.locationId,
    rateLimit: options.rateLimit,
    daily: inbox.gateway.dailyBudget,
    log: () => {},
    ...options.jobs,
  })
  const { server, origin } = await startInboxServer({ ...serverOptions, inbox, jobs: jobs.runner })
  return {
    origin,
    inbox,
    jobs,
    async stop() {
      await jobs.close()
      inbox.close()
      await close(server satisfies Server)
    },
  }
}

/** The emulator as HighLevel, and what its first location needs to be served. */
export function emulatorUpstream(options: EmulatorOptions = {}): { client: TestClient; upstream: Upstream; token: string; locationId: string } {
  const client = createTestClient(options)
  return { client, upstream: (request) => client.emulator.fetch(request), token: client.location.token, locationId: client.location.id }
}
