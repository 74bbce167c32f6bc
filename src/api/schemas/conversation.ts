import { z } from 'zod/mini'

/** Epoch ms that a `Date` can hold: anything else (e.g. 1e20) would throw when formatted. */
const timestamp = z.number().check(z.gte(-8.64e15), z.lte(8.64e15))

/**
 * A conversation as `GET /conversations/search` returns it.
 *
 * The spec requires 11 fields; live responses carry about 28. Everything beyond what a row
 * needs to render is optional, and enum-like strings stay plain strings so that a value
 * HighLevel adds tomorrow shows up as "other" instead of failing the whole page.
 * Fields not listed here are dropped: an inbox holds tens of thousands of these, and what
 * nothing reads should not cost memory (see docs/performance.md).
 */
export const conversationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  contactId: z.string(),
  locationId: z.string(),
  lastMessageBody: z.nullish(z.string()),
  lastMessageType: z.nullish(z.string()),
  type: z.nullish(z.string()),
  unreadCount: z.nullish(z.number()),
  fullName: z.nullish(z.string()),
  contactName: z.nullish(z.string()),
  email: z.nullish(z.string()),
  phone: z.nullish(z.string()),
  companyName: z.nullish(z.string()),
  dateAdded: z.nullish(timestamp),
  dateUpdated: z.nullish(timestamp),
  lastMessageDate: z.nullish(timestamp),
  lastManualMessageDate: z.nullish(timestamp),
  lastMessageDirection: z.nullish(z.string()),
  lastOutboundMessageAction: z.nullish(z.string()),
  assignedTo: z.nullish(z.string()),
  starred: z.nullish(z.boolean()),
  followers: z.nullish(z.array(z.string())),
  tags: z.nullish(z.array(z.string())),
  inbox: z.nullish(z.boolean()),
  /**
   * The item's sort value(s): the paging cursor is built from the last item's `sort`. A malformed
   * one is dropped rather than cost the conversation its row (paging then falls back on its date).
   */
  sort: z.catch(z.nullish(z.array(z.number()).check(z.minLength(1))), null),
})
export type Conversation = z.infer<typeof conversationSchema>

/** The response envelope. Items are parsed one by one (see `toSearchPage`). */
export const searchResponseSchema = z.looseObject({
  conversations: z.array(z.unknown()),
  total: z.number(),
  traceId: z.optional(z.string()),
})
