import type { FirstScreen } from '../../src/app/first-screen.ts'
import { currentZone, MIRRORED_KEYS, MIRRORED_MAX_CHARS, STORAGE_COOKIE, ZONE_COOKIE } from '../../src/lib/storage-cookie-names.ts'

/**
 * Whether a page request may spend a read of HighLevel on its first rows: only a navigation the
 * person made here (typed, bookmarked, reloaded: `Sec-Fetch-Site: none`; or from a page of this
 * server: `same-origin`). A cross-site page's link, image or frame gets the shell alone, so it
 * cannot spend the rate budget; so does a request without these headers (curl, old browsers,
 * plain-HTTP origins that are not "potentially trustworthy").
 */
export function mayReadUpstream(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site')
  return (site === 'none' || site === 'same-origin') && headers.get('sec-fetch-mode') === 'navigate'
}

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key = '', ...rest] = part.trim().split('=')
    if (key !== name) continue
    try {
      return decodeURIComponent(rest.join('='))
    } catch {
      return undefined
    }
  }
  return undefined
}

/**
 * Whether the browser draws dates and numbers as this server does (same time zone and locale,
 * which the browser mirrors to a cookie): else rows rendered here would not be the browser's
 * own (a date, a count) and it would have to render them again. A browser not heard from yet
 * is taken to share them.
 */
export function sharesZone(cookieHeader: string | null, serverZone = currentZone()): boolean {
  const zone = cookieValue(cookieHeader, ZONE_COOKIE)
  return zone === undefined || zone === serverZone
}

/**
 * The stored strings the browser mirrored to its cookie (src/lib/storage-cookie.ts), checked
 * again here: only the mirrored keys, only strings, none too long. Anything else is ignored,
 * and the server renders defaults.
 */
export function storageFromCookie(cookieHeader: string | null): Record<string, string> {
  const storage: Record<string, string> = {}
  const text = cookieValue(cookieHeader, STORAGE_COOKIE)
  if (text === undefined) return storage
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return {}
  }
  if (typeof value !== 'object' || value === null) return {}
  for (const key of MIRRORED_KEYS) {
    const raw = (value as Record<string, unknown>)[key]
    if (typeof raw === 'string' && raw.length <= MIRRORED_MAX_CHARS) storage[key] = raw
  }
  return storage
}

export type FirstPageRead = (path: string) => Promise<Response>

/**
 * HighLevel's answer to the first page, if it comes within `waitMs`; undefined past it (the read
 * goes on: the browser's own request for that page joins it in the shared read) or when the read
 * itself failed to happen (the browser then asks, and shows what it gets).
 */
export async function readFirstPage(read: FirstPageRead, path: string, waitMs: number): Promise<FirstScreen['firstPage']> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs)
  })
  const answer = read(path).then(
    async (response) => {
      const text = await response.text()
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        body = undefined
      }
      return { status: response.status, body }
    },
    () => undefined,
  )
  try {
    return await Promise.race([answer, late])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `<` (so no `</script>` nor
 * `<!--` can end or change the element), and no U+2028/U+2029; `JSON.parse` reads it back the same.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
