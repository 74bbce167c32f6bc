import { API_VERSIONS } from '../src/api/schemas/enums.ts'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { parseRequestsPerWindow, readEnv, type Env } from './env.ts'
/**
 * Everything the server reads from its environment, checked once at start-up so a wrong
 * value stops it with one line naming the variable and the fix, not a failure later.
 */
export type { Env }

export interface LiveSettings {
  token: string
  locationId: string
  locationName: string | undefined
  apiBase: string
  apiVersion: string
}

/** See docs/server.md, "The first screen": about HighLevel's usual answer time, well under today's first paint. */
export const DEFAULT_FIRST_PAGE_WAIT_MS = 400

export interface Settings {
  host: string
  port: number
  /** Basic-auth password for the whole server; undefined means no sign-in. */
  accessSecret: string | undefined
  /** `ALLOW_UNAUTHENTICATED=1`: a sign-in proxy in front checks users (and sets forwarding headers). */
  allowUnauthenticated: boolean
  allowedHosts: string[]
  /** Undefined when pacing is off. */
  rateLimit: { limit: number; windowMs: number } | undefined
  queueMax: number
  timeoutMs: number
  /** How long a page waits on the server for HighLevel's first page of its view before it is sent without rows. */
  firstPageWaitMs: number
  appUrl: string | undefined
  /** `GHL_READ_ONLY=1`: every write is refused with 403, and the app offers no action. */
  readOnly: boolean
  /** Where the server keeps its own state (bulk jobs); git-ignored by default. */
  dataDir: string
  /** The share (0..1) of the rate budget bulk jobs may hold at once. */
  bulkBudgetShare: number
  /** `EMULATOR_CONTROL=1`: serve `/_emulator/*` even when not bound to loopback. */
  emulatorControl: boolean
  /** Undefined means emulator mode: demo data from the in-process emulator. */
  live: LiveSettings | undefined
}

export class SettingsError extends Error {
  override name = 'SettingsError'
}

export const DEFAULT_API_BASE = 'https://services.leadconnectorhq.com'
export const DEFAULT_API_VERSION: string = API_VERSIONS[0]
export const DEFAULT_APP_URL = 'https://app.gohighlevel.com'
const MIN_SECRET_LENGTH = 16
/** `xxxxxxxxxxxxxxxx` is 16 characters long and trivially guessed: ask for some variety too. */
const MIN_SECRET_DISTINCT = 8
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url))

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}


function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = readEnv(env, name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new SettingsError(`${name}="${raw}" must be a whole number from ${min} to ${max}`)
  }
  return value
}

function flag(env: Env, name: string): boolean {
  const raw = readEnv(env, name)?.toLowerCase()
  if (raw === undefined || raw === '0' || raw === 'false') return false
  if (raw === '1' || raw === 'true') return true
  throw new SettingsError(`${name}="${raw}" must be 1 or 0`)
}

function share(env: Env, name: string, fallback: number): number {
  const raw = readEnv(env, name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^\d*\.?\d+$/.test(raw) || value <= 0 || value > 1) {
    throw new SettingsError(`${name}="${raw}" must be a fraction above 0 and at most 1, such as ${fallback}`)
  }
  return value
}

/** A bare name or `name:port` (or `[v6]:port`) from `ALLOWED_HOSTS`, without its port. */
function hostName(entry: string): string {
  return entry.startsWith('[') ? entry.slice(0, entry.indexOf(']') + 1) : (entry.split(':')[0] ?? '')
}

function checkAccessSecret(secret: string | undefined): void {
  if (secret === undefined) return
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new SettingsError(`ACCESS_SECRET is too short: use at least ${MIN_SECRET_LENGTH} random characters`)
  }
  if (new Set(secret).size < MIN_SECRET_DISTINCT) {
    throw new SettingsError(`ACCESS_SECRET has too little variety: use at least ${MIN_SECRET_DISTINCT} different characters, e.g. from a password generator`)
  }
}

/**
 * Whoever reaches the server uses the token's powers. A non-loopback bind, a public name in
 * ALLOWED_HOSTS (a reverse proxy in front of 127.0.0.1 publishes it just the same) both need
 * a sign-in: the access secret, or the operator's word that a sign-in proxy checks users.
 */
function checkExposure(host: string, allowedHosts: readonly string[], signedIn: boolean): void {
  if (signedIn) return
  const how = 'set ACCESS_SECRET, or ALLOW_UNAUTHENTICATED=1 if a sign-in proxy in front already checks users'
  if (!isLoopbackHost(host)) {
    throw new SettingsError(`HOST=${host} lets other machines use this server's HighLevel token: ${how}`)
  }
  const exposed = allowedHosts.find((entry) => !isLoopbackHost(hostName(entry)))
  if (exposed !== undefined) {
    throw new SettingsError(`ALLOWED_HOSTS names ${exposed}: whoever reaches that name uses this server's HighLevel token: ${how}`)
  }
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = readEnv(env, name) ?? fallback
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new SettingsError(`${name}="${raw}" is not a URL; expected e.g. ${fallback}`)
  }
  const plainHttpAllowed = isLoopbackHost(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainHttpAllowed)) {
    throw new SettingsError(`${name}="${raw}" must be an https:// URL (http:// only for localhost)`)
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new SettingsError(`${name} must not hold credentials, a query or a fragment`)
  }
  return raw.replace(/\/+$/, '')
}

function rateLimit(env: Env): Settings['rateLimit'] {
  const raw = readEnv(env, 'PROXY_RATE_LIMIT') ?? '100/10000'
  if (raw.toLowerCase() === 'off') return undefined
  const parsed = parseRequestsPerWindow(raw)
  if (!parsed) {
    throw new SettingsError(`PROXY_RATE_LIMIT="${raw}" must be <requests>/<milliseconds> such as 100/10000, or off`)
  }
  return parsed
}

function live(env: Env): LiveSettings | undefined {
  const token = readEnv(env, 'GHL_TOKEN')
  const locationId = readEnv(env, 'GHL_LOCATION_ID')
  if (token === undefined) {
    if (locationId === undefined) return undefined
    throw new SettingsError('GHL_LOCATION_ID is set but GHL_TOKEN is not: set both for a real location, or neither for demo data')
  }
  if (/\s/.test(token)) throw new SettingsError('GHL_TOKEN contains spaces or line breaks: paste only the token')
  if (locationId === undefined) {
    throw new SettingsError('GHL_TOKEN is set but GHL_LOCATION_ID is not: copy the sub-account id from Settings > Business Profile')
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(locationId)) {
    throw new SettingsError(`GHL_LOCATION_ID="${locationId}" is not a location id (letters and digits, as in the app's URL)`)
  }
  const apiVersion = readEnv(env, 'GHL_API_VERSION') ?? DEFAULT_API_VERSION
  if (!/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) {
    throw new SettingsError(`GHL_API_VERSION="${apiVersion}" must be a date such as ${DEFAULT_API_VERSION}`)
  }
  return {
    token,
    locationId,
    locationName: readEnv(env, 'GHL_LOCATION_NAME'),
    apiBase: httpUrl(env, 'GHL_API_BASE', DEFAULT_API_BASE),
    apiVersion,
  }
}

export function parseSettings(env: Env): Settings {
  const host = readEnv(env, 'HOST') ?? '127.0.0.1'
  const accessSecret = readEnv(env, 'ACCESS_SECRET')
  checkAccessSecret(accessSecret)
  const allowUnauthenticated = flag(env, 'ALLOW_UNAUTHENTICATED')
  const allowedHosts = (readEnv(env, 'ALLOWED_HOSTS') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
  checkExposure(host, allowedHosts, accessSecret !== undefined || allowUnauthenticated)
  const settings: Settings = {
    host,
    port: integer(env, 'PORT', 4173, 0, 65535),
    accessSecret,
    allowUnauthenticated,
    allowedHosts,
    rateLimit: rateLimit(env),
    queueMax: integer(env, 'PROXY_QUEUE_MAX', 100, 0, 1_000_000),
    timeoutMs: integer(env, 'GHL_TIMEOUT_MS', 15_000, 1, 600_000),
    firstPageWaitMs: integer(env, 'FIRST_PAGE_WAIT_MS', DEFAULT_FIRST_PAGE_WAIT_MS, 0, 10_000),
    appUrl: undefined,
    readOnly: flag(env, 'GHL_READ_ONLY'),
    dataDir: resolve(readEnv(env, 'DATA_DIR') ?? DEFAULT_DATA_DIR),
    bulkBudgetShare: share(env, 'BULK_BUDGET_SHARE', 0.6),
    emulatorControl: flag(env, 'EMULATOR_CONTROL'),
    live: live(env),
  }
  const appUrlSet = readEnv(env, 'GHL_APP_URL') !== undefined
  if (settings.live || appUrlSet) settings.appUrl = httpUrl(env, 'GHL_APP_URL', DEFAULT_APP_URL)
  return settings
}
