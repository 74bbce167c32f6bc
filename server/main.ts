import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { createServer, inboxFor } from './create-server.ts'
import { applyNodeLimits } from './http/node-limits.ts'
import { createEmulator, emulatorOptionsFromEnv, type Emulator } from './emulator/index.ts'
import { DataDirError } from './jobs/data-dir.ts'
import { openJobs, type Jobs } from './jobs/open-jobs.ts'
import { serverOptionsFrom } from './server-options.ts'
import { parseSettings } from './settings.ts'

function fail(message: string): never {
  console.error(`highlevel-inbox: ${message}`)
  process.exit(1)
}

let settings: ReturnType<typeof parseSettings>
let emulator: Emulator | undefined
try {
  // The environment wins over `.env`: loadEnvFile never overwrites a variable already set.
  if (existsSync('.env')) process.loadEnvFile('.env')
  settings = parseSettings(process.env)
  emulator = settings.live ? undefined : createEmulator(emulatorOptionsFromEnv(process.env))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}

const options = serverOptionsFrom(settings, emulator)
const inbox = inboxFor(options)
const { pacer } = inbox.gateway
let jobs: Jobs
try {
  jobs = await openJobs({
    dataDir: settings.dataDir,
    send: inbox.jobSend,
    pacer,
    locationId: options.location.id,
    maxShare: settings.bulkBudgetShare,
    rateLimit: settings.rateLimit,
    daily: inbox.gateway.dailyBudget,
  })
} catch (error) {
  fail(error instanceof DataDirError ? error.message : `DATA_DIR ${settings.dataDir}: ${error instanceof Error ? error.message : String(error)}`)
}

// Built once listening, so the Host check knows the real port even when PORT=0 picked one.
let app: ReturnType<typeof createServer> | undefined
const server = createAdaptorServer({
  fetch: (request, env) => (app ? app.fetch(request, env) : new Response(null, { status: 503 })),
}) as Server
applyNodeLimits(server)
server.listen(settings.port, settings.host, () => {
  const info = server.address() as AddressInfo
  app = createServer({ ...options, port: info.port, inbox, jobs: jobs.runner })
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
  const what = options.mode === 'live'
    ? `live HighLevel location ${options.location.id}`
    : `demo data from the emulator (location ${options.location.id})`
  console.log(`highlevel-inbox on http://${host}:${info.port} serving ${what}`)
})

server.on('error', (error: NodeJS.ErrnoException) => {
  fail(error.code === 'EADDRINUSE' ? `port ${settings.port} is in use: set PORT to a free one` : error.message)
})

let stopping = false
async function shutdown(): Promise<void> {
  if (stopping) return
  stopping = true
  const closed = new Promise((resolve) => server.close(resolve))
  // Keep-alive connections and push streams from browsers would otherwise hold the process open.
  server.closeAllConnections()
  // Running jobs stop where they are and show as interrupted after the next start.
  await jobs.close().catch((error: unknown) => console.error(`highlevel-inbox: closing the bulk jobs failed: ${String(error)}`))
  inbox.close()
  emulator?.close()
  await closed
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
