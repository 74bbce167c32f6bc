import { safeHttpUrl } from './message-text'

/** The conversation in HighLevel's own app; undefined without a usable http(s) base URL. */
export function highLevelConversationUrl(
  appUrl: string | undefined,
  locationId: string,
  conversationId: string,
): string | undefined {
  const base = safeHttpUrl(appUrl)?.replace(/\/+$/, '')
  if (!base || !locationId) return undefined
  return `${base}/v2/location/${encodeURIComponent(locationId)}/conversations/conversations/${encodeURIComponent(conversationId)}`
}
