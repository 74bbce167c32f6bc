/**
 * `npm run emulator`: the emulator alone, on HighLevel's own paths, for any HighLevel client
 * (HighLevel's SDK too, through its axios `baseURL` option).
 */
import { serve } from '@hono/node-server'
import { createEmulator, emulatorOptionsFromEnv } from './index'
import { parseInteger } from './options'

const HOST = '127.0.0.1'

async function main(): Promise<void> {
  let port: number
  let emulator: ReturnType<typeof createEmulator>
  try {
    port = parseInteger('EMULATOR_PORT', process.env.EMULATOR_PORT?.trim() || '4010', 1, 65_535)
    emulator = createEmulator(emulatorOptionsFromEnv(process.env))
  } catch (error) {
    console.error(`emulator: ${(error as Error).message}`)
    process.exit(1)
  }
  const state: unknown = await (await emulator.fetch(new Request(`http://${HOST}/_emulator/state`))).json()
  const server = serve({ fetch: (request) => emulator.fetch(request), hostname: HOST, port }, (info) => {
    const base = `http://${info.address}:${info.port}`
    console.log(`HighLevel API emulator on ${base}  (Version: 2021-07-28 or 2021-04-15)`)
    for (const location of emulator.locations) {
      console.log(`  location ${location.id}  ${location.name}\n    Authorization: Bearer ${location.token}`)
    }
    console.log(`  try: curl -H 'Authorization: Bearer ${emulator.locations[0]?.token}' -H 'Version: 2021-07-28' \\`)
    console.log(`       '${base}/conversations/search?locationId=${emulator.locations[0]?.id}&limit=2'`)
    console.log(`  control: ${base}/_emulator/state  (POST /_emulator/arrive, /_emulator/knobs, /_emulator/dataset)`)
    console.log(`  in effect: ${JSON.stringify(state)}`)
  })
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
}

await main()
