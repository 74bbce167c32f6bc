import { isRecord } from './fixtures'
import type { ConversationRow } from './model'
import { forbidden, json, unprocessable } from './responses'
import type { LocationStore } from './store'
import { conversationByIdWire } from './wire'

/** `PUT /conversations/{id}` `{ locationId, unreadCount?, starred? }`: marks read/unread, stars. */
export async function updateConversation(store: LocationStore, row: ConversationRow, request: Request): Promise<Response> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    body = undefined
  }
  if (!isRecord(body)) return unprocessable(['locationId should not be empty'])
  const messages: string[] = []
  const { locationId, unreadCount, starred } = body
  if (typeof locationId !== 'string' || locationId === '') messages.push('locationId should not be empty')
  if (unreadCount !== undefined && (typeof unreadCount !== 'number' || !Number.isInteger(unreadCount) || unreadCount < 0)) {
    messages.push('unreadCount must be a number conforming to the specified constraints')
  }
  if (starred !== undefined && typeof starred !== 'boolean') messages.push('starred must be a boolean value')
  if (messages.length > 0) return unprocessable(messages)
  if (locationId !== store.location.id) return forbidden()
  store.change(row, {
    ...(typeof unreadCount === 'number' ? { unreadCount } : {}),
    ...(typeof starred === 'boolean' ? { starred } : {}),
  })
  return json({ success: true, conversation: conversationByIdWire(row) })
}
