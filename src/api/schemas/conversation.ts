import { z } from 'zod'

/**
 * A conversation as `GET /conversations/search` returns it.
 *
 * The spec requires 11 fields; live responses carry about 28. Everything beyond what a row
 * needs to render is optional, and enum-like strings stay plain strings so that a value
 * HighLevel adds tomorrow shows up as "other" instead of failing the whole page.
 */
/** Epoch ms that a `Date` can hold: anything else (e.g. 1e20) would throw when formatted. */
const timestamp = z.number().min(-8.64e15).max(8.64e15)

export const conversationSchema = z.looseObject({
  id: z.string().min(1),
  contactId: z.string(),
  locationId: z.string(),
  lastMessageBody: z.string().nullish(),
  lastMessageType: z.string().nullish(),
  type: z.string().nullish(),
  unreadCount: z.number().nullish(),
  fullName: z.string().nullish(),
  contactName: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  companyName: z.string().nullish(),
  dateAdded: timestamp.nullish(),
  dateUpdated: timestamp.nullish(),
  lastMessageDate: timestamp.nullish(),
  lastManualMessageDate: timestamp.nullish(),
  lastMessageDirection: z.string().nullish(),
  lastOutboundMessageAction: z.string().nullish(),
  assignedTo: z.string().nullish(),
  starred: z.boolean().nullish(),
  followers: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
  inbox: z.boolean().nullish(),
  /** The item's sort value(s): the paging cursor is built from the last item's `sort`. */
  sort: z.array(z.number()).nullish(),
})
export type Conversation = z.infer<typeof conversationSchema>

/** The response envelope. Items are parsed one by one (see `parseSearchResponse`). */
export const searchResponseSchema = z.looseObject({
  conversations: z.array(z.unknown()),
  total: z.number(),
  traceId: z.string().optional(),
})
