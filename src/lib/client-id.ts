/**
 * This tab's id for the team features: sent as `X-HighLevel-Inbox-Client` with every request
 * to `/api` and `/_inbox` (the server names it as `by` in the events a write causes), and used
 * as the presence heartbeat's `clientId` and the push channel's tab id.
 */
export const CLIENT_HEADER = 'X-HighLevel-Inbox-Client'

function newClientId(): string {
  // `crypto.randomUUID` exists only in secure contexts; random bytes everywhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

export const CLIENT_ID = newClientId()

const BROWSER_ID_KEY = 'highlevel-inbox:browser-id'

/** The tabs of this browser profile share one id (localStorage); a tab alone when storage is blocked. */
function browserId(): string {
  try {
    const stored = window.localStorage.getItem(BROWSER_ID_KEY)
    if (stored !== null && /^[0-9a-f]{32}$/.test(stored)) return stored
    const id = newClientId()
    window.localStorage.setItem(BROWSER_ID_KEY, id)
    return id
  } catch {
    return CLIENT_ID
  }
}

/**
 * Sent in the presence heartbeat, so that this browser's other tabs (the same agent) are not
 * shown to it as teammates.
 */
export const BROWSER_ID = browserId()

/** The headers that mark a request as this app's own, from this tab. */
export const APP_REQUEST_HEADERS: Readonly<Record<string, string>> = { 'X-HighLevel-Inbox': '1', [CLIENT_HEADER]: CLIENT_ID }
