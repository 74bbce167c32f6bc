import { z } from 'zod/mini'
import { conversationSchema } from '../api/schemas/conversation'
import { dailyBudgetSchema } from '../api/schemas/daily-budget'

/**
 * What the server pushes to open inboxes and what they tell it back: the one truth for the
 * push endpoint (server/live), the shared read (server/proxy/shared-read.ts) and the app.
 * See docs/live.md for the wire format and limits.
 */

export const PUSH_EVENTS_PATH = '/_inbox/events'
export const PRESENCE_PATH = '/_inbox/presence'

/** A conversation id as HighLevel spells it (ids in paths are checked the same way). */
const conversationId = z.string().check(z.regex(/^[A-Za-z0-9]{8,40}$/))
/** One per tab: `crypto.randomUUID()` fits. */
const clientId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/))

/** The fields a change through this server can touch; `id` names the conversation. */
export const conversationPatchSchema = z.extend(
  z.partial(
    z.pick(conversationSchema, {
      unreadCount: true,
      starred: true,
      assignedTo: true,
      lastMessageBody: true,
      lastMessageType: true,
      lastMessageDate: true,
      lastMessageDirection: true,
      dateUpdated: true,
    }),
  ),
  { id: z.string().check(z.minLength(1)) },
)
export type ConversationPatch = z.infer<typeof conversationPatchSchema>
export type ConversationFields = Omit<ConversationPatch, 'id'>

export const presenceEntrySchema = z.object({
  clientId,
  /** Shared by the tabs of one browser (one agent): a tab does not show its own siblings as teammates. */
  browserId: z.optional(clientId),
  name: z.optional(z.string().check(z.maxLength(100))),
  viewing: z.optional(conversationId),
  replying: z.optional(conversationId),
})
export type PresenceEntry = z.infer<typeof presenceEntrySchema>

/** The most views one tab asks the server to watch: page 1 and the counts it shows. */
export const MAX_WATCHED_PER_CLIENT = 8
const MAX_VIEW_KEY_LENGTH = 1000

/** `POST /_inbox/presence`: a tab's heartbeat. `leaving` takes it off at once (on pagehide). */
export const presenceHeartbeatSchema = z.extend(presenceEntrySchema, {
  watching: z.optional(
    z.array(z.string().check(z.maxLength(MAX_VIEW_KEY_LENGTH))).check(z.maxLength(MAX_WATCHED_PER_CLIENT)),
  ),
  leaving: z.optional(z.boolean()),
})
export type PresenceHeartbeat = z.infer<typeof presenceHeartbeatSchema>

/** Stored events carry the id of their place in the server's ring buffer; snapshots carry none. */
const stored = { id: z.optional(z.string()), by: z.optional(z.string()) }

export const pushEventSchema = z.discriminatedUnion('type', [
  z.object({ ...stored, type: z.literal('conversation'), patch: conversationPatchSchema }),
  /** `PUT /contacts/{id}` assigns every conversation of the contact. */
  z.object({
    ...stored,
    type: z.literal('contact'),
    patch: z.object({ contactId: z.string(), assignedTo: z.nullable(z.string()) }),
  }),
  z.object({
    ...stored,
    type: z.literal('message'),
    message: z.object({
      id: z.string(),
      conversationId: z.string(),
      direction: z.string(),
      messageType: z.optional(z.string()),
      body: z.optional(z.string()),
      dateAdded: z.number(),
      userId: z.optional(z.string()),
    }),
  }),
  z.object({
    ...stored,
    type: z.literal('bulk'),
    jobId: z.string(),
    state: z.string(),
    done: z.number(),
    failed: z.number(),
    total: z.number(),
  }),
  /** A watched view's fresh page 1 (or count: `limit=1`), keyed by `viewKey`. Items are raw. */
  z.object({
    ...stored,
    type: z.literal('view'),
    key: z.string(),
    total: z.number(),
    conversations: z.array(z.unknown()),
  }),
  /** Everyone present now (a snapshot, never stored). */
  z.object({ ...stored, type: z.literal('presence'), present: z.array(presenceEntrySchema) }),
  /** HighLevel's daily budget, when what people see of it changes (a snapshot, never stored). */
  z.object({ ...stored, type: z.literal('budget'), budget: dailyBudgetSchema }),
  /** Too far behind to catch up: refetch once. */
  z.object({ ...stored, type: z.literal('resync') }),
])
export type PushEvent = z.infer<typeof pushEventSchema>
export type PushEventType = PushEvent['type']

/** One event off the wire, or undefined for anything malformed or of a type this app predates. */
export function parsePushEvent(data: string): PushEvent | undefined {
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return undefined
  }
  const parsed = pushEventSchema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

/**
 * A view's search parameters as one stable string: the same view gives the same key in every
 * tab and on the server, whatever order the parameters came in. Paging and location are not
 * part of a view.
 */
export function viewKey(params: URLSearchParams): string {
  const entries = [...params].filter(([name]) => name !== 'locationId' && name !== 'startAfterDate')
  entries.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
  return new URLSearchParams(entries).toString()
}
