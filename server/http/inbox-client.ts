import type { Context } from 'hono'

/**
 * The header in which the app names the tab a request comes from (the tab id it also uses for
 * presence). The server uses it as the pacer's client, so tabs take turns, and as the `by` of
 * the events a write publishes, so a tab can tell its own changes. See docs/server.md.
 */
export const INBOX_CLIENT_HEADER = 'X-HighLevel-Inbox-Client'

/** The same shape as presence's `clientId`: `crypto.randomUUID()` fits. */
const TAB_ID = /^[A-Za-z0-9_-]{8,64}$/

/** The tab id the request names, or undefined when it names none or one of another shape (ignored). */
export function inboxClientOf(c: Context): string | undefined {
  const value = c.req.header(INBOX_CLIENT_HEADER)?.trim()
  return value !== undefined && TAB_ID.test(value) ? value : undefined
}
