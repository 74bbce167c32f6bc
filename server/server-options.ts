import { fileURLToPath } from 'node:url'
import type { ServerOptions } from './create-server.ts'
import type { Emulator } from './emulator/index.ts'
import { DEFAULT_API_VERSION, isLoopbackHost, type Settings } from './settings.ts'

/** `dist/` beside `server/`, wherever the server is started from. */
export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url))

/**
 * Turns validated settings into server options. In emulator mode the emulator stands in for
 * HighLevel behind the very same proxy: its first location is the pinned one, its token the token.
 */
export function serverOptionsFrom(settings: Settings, emulator: Emulator | undefined): ServerOptions {
  const shared = {
    host: settings.host,
    port: settings.port,
    allowedHosts: settings.allowedHosts,
    accessSecret: settings.accessSecret,
    allowUnauthenticated: settings.allowUnauthenticated,
    readOnly: settings.readOnly,
    rateLimit: settings.rateLimit,
    queueMax: settings.queueMax,
    timeoutMs: settings.timeoutMs,
    firstPageWaitMs: settings.firstPageWaitMs,
    appUrl: settings.appUrl,
    distDir: DEFAULT_DIST_DIR,
  }
  if (settings.live) {
    const { live } = settings
    return {
      ...shared,
      mode: 'live',
      location: { id: live.locationId, name: live.locationName },
      token: live.token,
      apiBase: live.apiBase,
      apiVersion: live.apiVersion,
      upstream: (request) => fetch(request),
    }
  }
  const location = emulator?.locations[0]
  if (!emulator || !location) throw new Error('The emulator has no location to serve')
  return {
    ...shared,
    mode: 'emulator',
    location: { id: location.id, name: location.name },
    token: location.token,
    apiBase: 'http://emulator.local',
    apiVersion: DEFAULT_API_VERSION,
    upstream: (request) => emulator.fetch(request),
    // The controls change what everyone sees: only on this machine, unless asked for.
    emulatorControl: isLoopbackHost(settings.host) || settings.emulatorControl ? (request) => emulator.fetch(request) : undefined,
  }
}
