import { z } from 'zod'

/**
 * A message as `GET /conversations/{id}/messages` returns it. Only `id` is needed to show
 * one; everything else is optional and enum-like strings stay strings, so a message type
 * HighLevel adds tomorrow is shown by name instead of failing the page.
 * Unlike search results, `dateAdded` is an ISO date string here.
 */
export const messageSchema = z.looseObject({
  id: z.string().min(1),
  type: z.number().nullish(),
  messageType: z.string().nullish(),
  body: z.string().nullish(),
  direction: z.string().nullish(),
  status: z.string().nullish(),
  contentType: z.string().nullish(),
  dateAdded: z.string().nullish(),
  attachments: z.array(z.string()).nullish(),
  userId: z.string().nullish(),
  source: z.string().nullish(),
})
export type Message = z.infer<typeof messageSchema>

/** The live API nests the page: `{ messages: { lastMessageId, nextPage, messages: [...] } }`. */
export const messagesResponseSchema = z.looseObject({
  messages: z.looseObject({
    lastMessageId: z.string().nullish(),
    nextPage: z.boolean().nullish(),
    messages: z.array(z.unknown()),
  }),
})

/**
 * `GET /conversations/{id}`. The spec's `type` is a number here (1 phone, 2 email,
 * 3 Facebook, 4 review, 5 group SMS); the contact fields are not in the spec but are
 * sent in practice, so they are read when present.
 */
export const conversationDetailSchema = z.looseObject({
  id: z.string().min(1),
  contactId: z.string(),
  locationId: z.string(),
  type: z.number().nullish(),
  assignedTo: z.string().nullish(),
  starred: z.boolean().nullish(),
  unreadCount: z.number().nullish(),
  inbox: z.boolean().nullish(),
  deleted: z.boolean().nullish(),
  fullName: z.string().nullish(),
  contactName: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  companyName: z.string().nullish(),
  lastMessageDate: z.number().nullish(),
  lastMessageDirection: z.string().nullish(),
})
export type ConversationDetail = z.infer<typeof conversationDetailSchema>
