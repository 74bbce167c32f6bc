/**
 * What the app's own calls to `/api/*` carry (see src/api/http.ts): a test asking the server
 * directly must send it too, or the server refuses it as a cross-site request.
 */
export const APP_HEADERS = { 'X-HighLevel-Inbox': '1' } as const
