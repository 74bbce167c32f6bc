import { afterEach, describe, expect, it } from 'vitest'
import { createServer } from './create-server.ts'
import { createEmulator, type Emulator } from './emulator/index.ts'
import { serverOptionsFrom } from './server-options.ts'
import { parseSettings } from './settings.ts'
import { appHeaders } from './test-support/test-server.ts'

const emulators: Emulator[] = []
afterEach(() => {
  for (const emulator of emulators.splice(0)) emulator.close()
})

function emulatorServer() {
  const emulator = createEmulator({ conversations: 30 })
  emulators.push(emulator)
  const options = serverOptionsFrom(parseSettings({ PROXY_RATE_LIMIT: 'off' }), emulator)
  const app = createServer({ ...options, log: () => {} })
  const request = async (path: string) => app.fetch(new Request(`http://127.0.0.1:4173${path}`, { headers: appHeaders() }))
  return { emulator, options, request }
}

describe('serverOptionsFrom', () => {
  it('pins the emulator’s first location and uses its token, behind the same proxy', async () => {
    const { emulator, options, request } = emulatorServer()
    const [first, second] = emulator.locations
    expect(options.mode).toBe('emulator')
    expect(options.location.id).toBe(first?.id)
    expect(options.token).toBe(first?.token)

    const config = await (await request('/config.json')).json()
    expect(config).toEqual({ mode: 'emulator', locationId: first?.id, locationName: first?.name, readOnly: false })

    const search = (await (await request('/api/conversations/search?limit=5')).json()) as { total: number }
    expect(search.total).toBe(30)
    expect((await request(`/api/conversations/search?locationId=${second?.id}`)).status).toBe(403)
  })

  it('uses HighLevel with the configured token in live mode', () => {
    const options = serverOptionsFrom(parseSettings({ GHL_TOKEN: 'pit-abc', GHL_LOCATION_ID: 'loc1', GHL_LOCATION_NAME: 'Acme' }), undefined)
    expect(options).toMatchObject({
      mode: 'live',
      location: { id: 'loc1', name: 'Acme' },
      token: 'pit-abc',
      apiBase: 'https://services.leadconnectorhq.com',
      appUrl: 'https://app.gohighlevel.com',
    })
    expect(options.emulatorControl).toBeUndefined()
  })

  it('serves the emulator controls on a loopback listener, elsewhere only with EMULATOR_CONTROL=1', () => {
    const emulator = createEmulator({ conversations: 5 })
    emulators.push(emulator)
    const exposed = { HOST: '0.0.0.0', ACCESS_SECRET: 'correct-horse-battery' }
    expect(serverOptionsFrom(parseSettings({}), emulator).emulatorControl).toBeTypeOf('function')
    expect(serverOptionsFrom(parseSettings(exposed), emulator).emulatorControl).toBeUndefined()
    expect(serverOptionsFrom(parseSettings({ ...exposed, EMULATOR_CONTROL: '1' }), emulator).emulatorControl).toBeTypeOf('function')
  })

  it('passes read-only mode on to the server and its config', async () => {
    const emulator = createEmulator({ conversations: 5 })
    emulators.push(emulator)
    const options = serverOptionsFrom(parseSettings({ GHL_READ_ONLY: '1' }), emulator)
    expect(options.readOnly).toBe(true)
    const app = createServer({ ...options, log: () => {} })
    const config = (await (await app.fetch(new Request('http://127.0.0.1:4173/config.json'))).json()) as { readOnly: boolean }
    expect(config.readOnly).toBe(true)
  })
})
