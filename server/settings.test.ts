import { describe, expect, it } from 'vitest'
import { DEFAULT_DATA_DIR, SettingsError, parseSettings, type Env } from './settings.ts'

const LIVE: Env = { GHL_TOKEN: 'pit-abc', GHL_LOCATION_ID: 'loc123' }

function failure(env: Env): string {
  try {
    parseSettings(env)
  } catch (error) {
    if (error instanceof SettingsError) return error.message
    throw error
  }
  throw new Error('expected a SettingsError')
}

describe('parseSettings', () => {
  it('defaults to emulator mode on 127.0.0.1:4173 with HighLevel pacing', () => {
    expect(parseSettings({})).toEqual({
      host: '127.0.0.1',
      port: 4173,
      accessSecret: undefined,
      allowUnauthenticated: false,
      allowedHosts: [],
      rateLimit: { limit: 100, windowMs: 10_000 },
      queueMax: 100,
      timeoutMs: 15_000,
      firstPageWaitMs: 400,
      appUrl: undefined,
      readOnly: false,
      dataDir: DEFAULT_DATA_DIR.replace(/\/$/, ''),
      bulkBudgetShare: 0.6,
      emulatorControl: false,
      live: undefined,
    })
  })

  it('reads live mode with its defaults', () => {
    const settings = parseSettings(LIVE)
    expect(settings.live).toEqual({
      token: 'pit-abc',
      locationId: 'loc123',
      locationName: undefined,
      apiBase: 'https://services.leadconnectorhq.com',
      apiVersion: '2021-07-28',
    })
    expect(settings.appUrl).toBe('https://app.gohighlevel.com')
  })

  it('treats empty values as unset, as .env files write them', () => {
    expect(parseSettings({ GHL_TOKEN: '', GHL_LOCATION_ID: ' ', PORT: '' }).live).toBeUndefined()
  })

  it('reads the pacing knobs', () => {
    expect(parseSettings({ PROXY_RATE_LIMIT: 'off' }).rateLimit).toBeUndefined()
    expect(parseSettings({ PROXY_RATE_LIMIT: '1000/1000', PROXY_QUEUE_MAX: '5000', GHL_TIMEOUT_MS: '500' })).toMatchObject({
      rateLimit: { limit: 1000, windowMs: 1000 },
      queueMax: 5000,
      timeoutMs: 500,
    })
  })

  it('splits ALLOWED_HOSTS', () => {
    expect(parseSettings({ ALLOWED_HOSTS: 'inbox.example.com, lan-box:4173,', ALLOW_UNAUTHENTICATED: '1' }).allowedHosts)
      .toEqual(['inbox.example.com', 'lan-box:4173'])
  })

  it('lets ALLOWED_HOSTS name a public host only with a sign-in, loopback names always', () => {
    expect(parseSettings({ ALLOWED_HOSTS: 'localhost:4173,127.0.0.2,[::1]' }).allowedHosts).toHaveLength(3)
    expect(parseSettings({ ALLOWED_HOSTS: 'inbox.example.com', ACCESS_SECRET: 'correct-horse-battery' }).allowedHosts)
      .toEqual(['inbox.example.com'])
    expect(parseSettings({ ALLOWED_HOSTS: 'inbox.example.com', ALLOW_UNAUTHENTICATED: '1' }).allowUnauthenticated).toBe(true)
  })

  it('reads read-only mode, the data folder and the bulk share', () => {
    expect(parseSettings({ GHL_READ_ONLY: '1', DATA_DIR: '/var/lib/inbox/', BULK_BUDGET_SHARE: '.25' })).toMatchObject({
      readOnly: true,
      dataDir: '/var/lib/inbox',
      bulkBudgetShare: 0.25,
    })
    expect(parseSettings({ BULK_BUDGET_SHARE: '1' }).bulkBudgetShare).toBe(1)
  })

  it.each([
    [{ GHL_TOKEN: 'pit-abc' }, 'GHL_TOKEN is set but GHL_LOCATION_ID is not'],
    [{ GHL_LOCATION_ID: 'loc123' }, 'GHL_LOCATION_ID is set but GHL_TOKEN is not'],
    [{ ...LIVE, GHL_TOKEN: 'pit abc' }, 'GHL_TOKEN contains spaces'],
    [{ ...LIVE, GHL_LOCATION_ID: 'loc/123' }, 'GHL_LOCATION_ID="loc/123" is not a location id'],
    [{ ...LIVE, GHL_API_BASE: 'http://services.leadconnectorhq.com' }, 'GHL_API_BASE="http://services.leadconnectorhq.com" must be an https:// URL'],
    [{ ...LIVE, GHL_API_BASE: 'not a url' }, 'GHL_API_BASE="not a url" is not a URL'],
    [{ ...LIVE, GHL_API_BASE: 'https://user:pw@example.com' }, 'GHL_API_BASE must not hold credentials'],
    [{ ...LIVE, GHL_API_VERSION: 'v2' }, 'GHL_API_VERSION="v2" must be a date'],
    [{ ...LIVE, GHL_APP_URL: 'javascript:alert(1)' }, 'GHL_APP_URL="javascript:alert(1)" must be an https:// URL'],
    [{ PORT: '80a' }, 'PORT="80a" must be a whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT="70000" must be a whole number'],
    [{ PROXY_RATE_LIMIT: '100 per 10s' }, 'PROXY_RATE_LIMIT="100 per 10s" must be <requests>/<milliseconds>'],
    [{ PROXY_RATE_LIMIT: '0/1000' }, 'PROXY_RATE_LIMIT="0/1000"'],
    [{ GHL_TIMEOUT_MS: '0' }, 'GHL_TIMEOUT_MS="0" must be a whole number from 1'],
    [{ HOST: '0.0.0.0' }, 'HOST=0.0.0.0 lets other machines use this server\'s HighLevel token: set ACCESS_SECRET'],
    [{ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'yes' }, 'ALLOW_UNAUTHENTICATED="yes" must be 1 or 0'],
    [{ ACCESS_SECRET: 'short' }, 'ACCESS_SECRET is too short'],
    [{ ACCESS_SECRET: 'x'.repeat(32) }, 'ACCESS_SECRET has too little variety'],
    [{ ACCESS_SECRET: 'abababababababab' }, 'ACCESS_SECRET has too little variety'],
    [{ ALLOWED_HOSTS: 'inbox.example.com' }, 'ALLOWED_HOSTS names inbox.example.com: whoever reaches that name'],
    [{ ALLOWED_HOSTS: 'localhost:4173, box.lan:8080' }, 'ALLOWED_HOSTS names box.lan:8080'],
    [{ GHL_READ_ONLY: 'yes' }, 'GHL_READ_ONLY="yes" must be 1 or 0'],
    [{ BULK_BUDGET_SHARE: '0' }, 'BULK_BUDGET_SHARE="0" must be a fraction above 0 and at most 1'],
    [{ BULK_BUDGET_SHARE: '1.5' }, 'BULK_BUDGET_SHARE="1.5"'],
    [{ BULK_BUDGET_SHARE: '60%' }, 'BULK_BUDGET_SHARE="60%"'],
  ])('stops on %j with one clear line', (env, message) => {
    const text = failure(env)
    expect(text).toContain(message)
    expect(text).not.toContain('\n')
  })

  it('never repeats the token in an error', () => {
    expect(failure({ GHL_TOKEN: 'pit-secret value' })).not.toContain('pit-secret')
    expect(failure({ GHL_TOKEN: 'pit-secret', GHL_LOCATION_ID: 'bad id' })).not.toContain('pit-secret')
  })

  it('allows plain http for a local upstream (tests, a local emulator)', () => {
    expect(parseSettings({ ...LIVE, GHL_API_BASE: 'http://127.0.0.1:9999/' }).live?.apiBase).toBe('http://127.0.0.1:9999')
  })

  it('lets a non-loopback HOST start only with an access secret or an explicit opt-out', () => {
    expect(parseSettings({ HOST: '0.0.0.0', ACCESS_SECRET: 'correct-horse-battery' }).accessSecret).toBe('correct-horse-battery')
    expect(parseSettings({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: '1' }).accessSecret).toBeUndefined()
    expect(parseSettings({ HOST: 'localhost' }).host).toBe('localhost')
    expect(parseSettings({ HOST: '::1' }).host).toBe('::1')
  })
})
