import { z } from 'zod/mini'
import { sendJson } from './send-json'

const assignAnswerSchema = z.looseObject({
  contact: z.optional(z.looseObject({ assignedTo: z.nullish(z.string()) })),
})
export type AssignContactAnswer = z.infer<typeof assignAnswerSchema>

/**
 * `PUT /contacts/{contactId}` `{ assignedTo }` (scope `contacts.write`; `null` unassigns). A
 * conversation's assignee is its contact's owner, so this moves every conversation of the contact.
 */
export function assignContact(contactId: string, assignedTo: string | null, signal?: AbortSignal): Promise<AssignContactAnswer> {
  return sendJson('PUT', `/api/contacts/${encodeURIComponent(contactId)}`, { assignedTo }, assignAnswerSchema, { signal })
}
