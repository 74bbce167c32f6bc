import { readStorage, subscribeToStorage } from './local-storage'
import { currentZone, MIRRORED_KEYS, MIRRORED_MAX_CHARS, STORAGE_COOKIE, ZONE_COOKIE } from './storage-cookie-names'

/**
 * The stored strings the server needs to render the first screen as this browser will (density,
 * theme, columns), mirrored from localStorage to a cookie it is sent. Only these keys, and only
 * strings short enough for a cookie; the server checks them again (server/ssr/first-screen.ts).
 */

function writeCookie(): void {
  const mirrored: Record<string, string> = {}
  for (const key of MIRRORED_KEYS) {
    const raw = readStorage(key)
    if (typeof raw === 'string' && raw.length <= MIRRORED_MAX_CHARS) mirrored[key] = raw
  }
  const value = encodeURIComponent(JSON.stringify(mirrored))
  document.cookie = `${STORAGE_COOKIE}=${value}; Path=/; Max-Age=31536000; SameSite=Strict`
}

/** Writes the cookies now (the zone too) and whenever a mirrored key changes, in this tab or another. */
export function mirrorStorageToCookie(): void {
  document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(currentZone())}; Path=/; Max-Age=31536000; SameSite=Strict`
  writeCookie()
  for (const key of MIRRORED_KEYS) subscribeToStorage(key, writeCookie)
}
