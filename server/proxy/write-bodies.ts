import { z } from 'zod/mini'
import { SEND_TYPES } from '../../src/api/schemas/send.ts'

/**
 * The bodies of the writes the app may send, each with only the fields the app sends (as
 * HighLevel's published specs name them), their types checked and their sizes bounded. What goes upstream is the parsed value, never
 * the browser's text: an unknown field cannot ride along.
 */
export interface WriteBody {
  /** The most the browser may send (bytes of JSON); more is a 413 before parsing. */
  maxBytes: number
  schema: z.ZodMiniType<Record<string, unknown>>
  /** The body HighLevel receives; `locationId` is the pinned one wherever it is needed. */
  toUpstream: (body: Record<string, unknown>, locationId: string) => Record<string, unknown>
}

const ID = /^[A-Za-z0-9]{8,40}$/
const KB = 1024

function maxBytes(limit: number, label: string) {
  return z.refine<string>((value) => Buffer.byteLength(value, 'utf8') <= limit, `must be at most ${label}`)
}

/** `PUT /conversations/{id}`: read/unread and star. */
export const updateConversationBody: WriteBody = {
  maxBytes: 4 * KB,
  schema: z
    .strictObject({
      locationId: z.optional(z.string()),
      unreadCount: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
      starred: z.optional(z.boolean()),
    })
    .check(z.refine((body) => body.unreadCount !== undefined || body.starred !== undefined, 'needs unreadCount or starred')),
  toUpstream: (body, locationId) => ({ ...body, locationId }),
}

/** `PUT /contacts/{id}`: the contact's owner is its conversations' assignee; null unassigns. */
export const assignContactBody: WriteBody = {
  maxBytes: 4 * KB,
  schema: z.strictObject({ assignedTo: z.nullable(z.string().check(z.regex(ID, 'must be a user id'))) }),
  toUpstream: (body) => body,
}

/** `POST /conversations/messages`: a reply. HighLevel's examples send no `subType`/`status`. */
export const sendMessageBody: WriteBody = {
  // JSON escaping can double the 256 KB of html; the fields are measured again once parsed.
  maxBytes: 1024 * KB,
  schema: z
    .strictObject({
      type: z.enum(SEND_TYPES),
      contactId: z.string().check(z.regex(ID, 'must be a contact id')),
      message: z.optional(z.string().check(maxBytes(16 * KB, '16 KB'))),
      subject: z.optional(z.string().check(z.maxLength(998))),
      html: z.optional(z.string().check(maxBytes(256 * KB, '256 KB'))),
      replyMessageId: z.optional(z.string().check(z.regex(ID, 'must be a message id'))),
      threadId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._@<>+=-]{1,256}$/, 'must be a thread id'))),
    })
    .check(z.refine((body) => (body.message ?? '') !== '' || (body.html ?? '') !== '', 'needs a message or html')),
  toUpstream: (body) => body,
}
