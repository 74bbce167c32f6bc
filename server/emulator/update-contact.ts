import type { ConversationRow } from './model'
import { BodyCheck, readJsonObject } from './request-body'
import { json, unprocessable } from './responses'
import type { LocationStore } from './store'
import { contactWire } from './wire'

/**
 * `UpdateContactDto`'s properties. Only `assignedTo` is modelled; the others are accepted and
 * ignored (the emulator keeps no contact records beyond what conversations carry).
 */
const FIELDS = [
  'firstName', 'lastName', 'name', 'email', 'phone', 'address1', 'city', 'state', 'postalCode', 'website', 'timezone',
  'dnd', 'dndSettings', 'inboundDndSettings', 'tags', 'customFields', 'source', 'dateOfBirth', 'country', 'assignedTo',
]

/**
 * `PUT /contacts/{contactId}` `{ assignedTo: userId | null }` (no `locationId`: the contact names
 * its location). A conversation's assignee is its contact's owner, so this moves every
 * conversation of the contact. Answers `{ succeded: true, contact }`, the spec's spelling.
 */
export async function updateContact(store: LocationStore, rows: readonly ConversationRow[], request: Request, now: number): Promise<Response> {
  const body = await readJsonObject(request)
  if (body instanceof Response) return body
  const check = new BodyCheck(body, FIELDS)
  const assignedTo = check.string('assignedTo', { nullable: true })
  if (!check.ok) return unprocessable(check.messages)
  if (typeof assignedTo === 'string' && !store.location.users.some((user) => user.id === assignedTo && !user.deleted)) {
    return unprocessable(['assignedTo must be the id of an active user of this location'])
  }
  if (assignedTo !== undefined) {
    for (const row of rows) store.change(row, { assignedTo: assignedTo ?? undefined })
  }
  return json({ succeded: true, contact: contactWire(rows, now) })
}
