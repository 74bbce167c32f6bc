/** The cookie that mirrors stored preferences to the server (see storage-cookie.ts); read by server/ssr/first-screen.ts. */
export const STORAGE_COOKIE = 'inbox-storage'
/** The localStorage keys mirrored: preferences (theme, density) and columns. Spelled as in preferences-store.ts and column-prefs.ts (a test checks). */
export const MIRRORED_KEYS: readonly string[] = ['highlevel-inbox:preferences', 'highlevel-inbox:columns']
/** A cookie holds about 4 kB: a longer stored string is not mirrored (the server renders defaults). */
export const MIRRORED_MAX_CHARS = 1500
/**
 * The browser's locale and time zone (`<zone> <locale>`): the server draws dates and numbers in
 * its own, so it renders rows only for a browser that shares them (see server/ssr/first-screen.ts).
 */
export const ZONE_COOKIE = 'inbox-zone'

/** This runtime's default locale and time zone, as its formatters use them. */
export function currentZone(): string {
  const { timeZone, locale } = new Intl.DateTimeFormat().resolvedOptions()
  return `${timeZone} ${locale}`
}
