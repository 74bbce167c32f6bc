/**
 * `npm run emulator`: the emulator alone, on HighLevel's own paths, for any HighLevel client
 * (HighLevel's SDK too, through its axios `baseURL` option).
 */
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { API_VERSIONS } from '../../src/api/schemas/enums'
import { standaloneEmulator } from '../http/emulator-control'
import { applyNodeLimits } from '../http/node-limits'
import { emulatorOf, emulatorOptionsFromEnv } from './index'
import { parseInteger } from './options'
import { createState, type EmulatorState } from './state'

const HOST = '127.0.0.1'

function start(): { state: EmulatorState; port: number } {
  try {
    const port = parseInteger('EMULATOR_PORT', process.env.EMULATOR_PORT?.trim() || '4010', 1, 65_535)
    return { state: createState(emulatorOptionsFromEnv(process.env)), port }
  } catch (error) {
    console.error(`emulator: ${(error as Error).message}`)
    process.exit(1)
  }
}

function describeKnobs(state: EmulatorState): string[] {
  const { latencyMs, jitterMs, failureRate, rateLimit } = state.knobs
  const clock = state.options.now === undefined ? 'real clock' : 'clock pinned'
  const live = state.options.liveIntervalMs
  return [
    `data: ${state.dataset}${state.options.fixture ? ` (${state.options.fixture})` : ''}, seed ${state.seed}, start ${new Date(state.startedAt).toISOString()} (${clock})`,
    `latency ${latencyMs} ms + 0–${jitterMs} ms jitter, failure rate ${failureRate}, ` +
      `rate limit ${rateLimit ? `${rateLimit.max} per ${rateLimit.intervalMs} ms` : 'off'}, live mode ${live ? `every ${live} ms` : 'off'}`,
  ]
}

const { state, port } = start()
const emulator = emulatorOf(state)
const app = standaloneEmulator((request) => emulator.fetch(request), { host: HOST, port, allowedHosts: [] })
const server = serve({ fetch: app.fetch, hostname: HOST, port }, (info) => {
  const base = `http://${info.address}:${info.port}`
  console.log(`HighLevel API emulator on ${base}  (header Version: ${API_VERSIONS.join(' or ')})`)
  for (const store of state.stores) {
    const { id, name, token, scoreProfiles } = store.location
    console.log(`  location ${id}  ${name}  (${store.rows.length} conversations)`)
    console.log(`    Authorization: Bearer ${token}`)
    console.log(`    score profiles: ${scoreProfiles.map((profile) => `${profile.name} ${profile.id}`).join(', ')}`)
  }
  for (const line of describeKnobs(state)) console.log(`  ${line}`)
  const [first] = emulator.locations
  console.log(`  try: curl -H 'Authorization: Bearer ${first?.token}' -H 'Version: ${API_VERSIONS[0]}' \\`)
  console.log(`         '${base}/conversations/search?locationId=${first?.id}&limit=2'`)
  console.log(`  control: GET ${base}/_emulator/state; POST /_emulator/arrive, /_emulator/knobs, /_emulator/dataset`)
})
applyNodeLimits(server as Server)
server.on('error', (error) => {
  console.error(`emulator: cannot listen on ${HOST}:${port}: ${error.message}`)
  process.exit(1)
})
const stop = (): void => {
  emulator.close()
  server.close()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
