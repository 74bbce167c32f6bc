import { z } from 'zod/mini'

/**
 * A message as `GET /conversations/{id}/messages` returns it. Only `id` is needed to show
 * one; everything else is optional and enum-like strings stay strings, so a message type
 * HighLevel adds tomorrow is shown by name instead of failing the page.
 * Unlike search results, `dateAdded` is an ISO date string here.
 */
export const messageSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  type: z.nullish(z.number()),
  messageType: z.nullish(z.string()),
  body: z.nullish(z.string()),
  direction: z.nullish(z.string()),
  status: z.nullish(z.string()),
  contentType: z.nullish(z.string()),
  dateAdded: z.nullish(z.string()),
  attachments: z.nullish(z.array(z.string())),
  userId: z.nullish(z.string()),
  source: z.nullish(z.string()),
})
export type Message = z.infer<typeof messageSchema>

/** The live API nests the page: `{ messages: { lastMessageId, nextPage, messages: [...] } }`. */
export const messagesResponseSchema = z.looseObject({
  messages: z.looseObject({
    lastMessageId: z.nullish(z.string()),
    nextPage: z.nullish(z.boolean()),
    messages: z.array(z.unknown()),
  }),
})

/**
 * `GET /conversations/{id}`. The spec's `type` is a number here (1 phone, 2 email,
 * 3 Facebook, 4 review, 5 group SMS); the contact fields are not in the spec but are
 * sent in practice, so they are read when present.
 */
export const conversationDetailSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  contactId: z.string(),
  locationId: z.string(),
  type: z.nullish(z.number()),
  assignedTo: z.nullish(z.string()),
  starred: z.nullish(z.boolean()),
  unreadCount: z.nullish(z.number()),
  inbox: z.nullish(z.boolean()),
  deleted: z.nullish(z.boolean()),
  fullName: z.nullish(z.string()),
  contactName: z.nullish(z.string()),
  email: z.nullish(z.string()),
  phone: z.nullish(z.string()),
  companyName: z.nullish(z.string()),
  lastMessageDate: z.nullish(z.number()),
  lastMessageDirection: z.nullish(z.string()),
})
export type ConversationDetail = z.infer<typeof conversationDetailSchema>
