import type { ConversationRow } from './model'
import { BodyCheck, readJsonObject } from './request-body'
import { forbidden, json, unprocessable } from './responses'
import type { LocationStore } from './store'
import { conversationByIdWire } from './wire'

/** `UpdateConversationDto`: the only writable fields (no archive, close or snooze exists). */
const FIELDS = ['locationId', 'unreadCount', 'starred', 'feedback'] as const

/**
 * `PUT /conversations/{id}` `{ locationId, unreadCount?, starred?, feedback? }`: marks read
 * (`unreadCount: 0`) or unread, stars. Search filters and counts follow at once.
 */
export async function updateConversation(store: LocationStore, row: ConversationRow, request: Request): Promise<Response> {
  const body = await readJsonObject(request)
  if (body instanceof Response) return body
  const check = new BodyCheck(body, FIELDS)
  const locationId = check.string('locationId', { required: true })
  const unreadCount = check.count('unreadCount')
  const starred = check.boolean('starred')
  check.object('feedback')
  if (!check.ok) return unprocessable(check.messages)
  if (locationId !== store.location.id) return forbidden()
  store.change(row, {
    ...(unreadCount === undefined ? {} : { unreadCount }),
    ...(starred === undefined ? {} : { starred }),
  })
  return json({ success: true, conversation: conversationByIdWire(row) })
}
