import { describe, expect, it } from 'vitest'
import { createEmulator } from '../emulator/index.ts'
import { recordingUpstream, testServer } from '../test-support/test-server.ts'
import { standaloneEmulator } from './emulator-control.ts'

function emulatorServer() {
  const control = recordingUpstream(() => Response.json({ ok: true }))
  return { control, ...testServer({ mode: 'emulator', emulatorControl: control }) }
}

describe('/_emulator/* behind the app server', () => {
  it('takes JSON bodies only: a cross-site form sends text/plain', async () => {
    const { bare, control } = emulatorServer()
    const response = await bare('/_emulator/knobs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"failureRate":1}' })
    expect(response.status).toBe(415)
    expect(control.requests).toHaveLength(0)
  })

  it('refuses a body over 64 KB with 413', async () => {
    const { bare, control } = emulatorServer()
    const body = JSON.stringify({ padding: 'x'.repeat(8 * 1024 * 1024) })
    const response = await bare('/_emulator/knobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(response.status).toBe(413)
    expect(control.requests).toHaveLength(0)
  })

  it('refuses another Origin and cross-site requests', async () => {
    const { bare, control } = emulatorServer()
    const json = { 'content-type': 'application/json' }
    expect((await bare('/_emulator/knobs', { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: '{}' })).status).toBe(403)
    expect((await bare('/_emulator/state', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect(control.requests).toHaveLength(0)
    expect((await bare('/_emulator/knobs', { method: 'POST', headers: json, body: '{}' })).status).toBe(200)
  })
})

describe('npm run emulator (standaloneEmulator)', () => {
  const emulator = createEmulator({ conversations: 5 })
  const app = standaloneEmulator((request) => emulator.fetch(request), { host: '127.0.0.1', port: 4010, allowedHosts: [] })
  const [location] = emulator.locations
  const search = `/conversations/search?locationId=${location?.id}`
  const auth = { authorization: `Bearer ${location?.token}`, version: '2021-07-28' }

  it('answers on its own host for programs such as the SDK', async () => {
    const response = await app.fetch(new Request(`http://127.0.0.1:4010${search}`, { headers: auth }))
    expect(response.status).toBe(200)
  })

  it('refuses a foreign Host (DNS rebinding) and other sites', async () => {
    expect((await app.fetch(new Request(`http://rebound.evil.test:4010${search}`, { headers: auth }))).status).toBe(403)
    const crossSite = new Request(`http://127.0.0.1:4010${search}`, { headers: { ...auth, origin: 'https://evil.example' } })
    expect((await app.fetch(crossSite)).status).toBe(403)
    const form = new Request('http://127.0.0.1:4010/_emulator/knobs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"failureRate":1}' })
    expect((await app.fetch(form)).status).toBe(415)
  })
})
