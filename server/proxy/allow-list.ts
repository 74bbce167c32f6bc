import { z } from 'zod/mini'
import type { Priority } from './pacer.ts'
import { assignContactBody, sendMessageBody, updateConversationBody, type WriteBody } from './write-bodies.ts'

/** HighLevel's ids are 20-character or 24-hex strings; nothing else is put into a path. */
export const ID_PATTERN = '[A-Za-z0-9]{8,40}'
export const ID = new RegExp(`^${ID_PATTERN}$`)

/** Which kind of object a write changes: it must be known to belong to the pinned location. */
export type MemberKind = 'conversation' | 'contact'

/** A query value: one string, checked. */
export type QueryValue = z.ZodMiniType<string>

/** Free text and lists are HighLevel's to judge (its 422 names the field); here only the size. */
const TEXT: QueryValue = z.string().check(z.maxLength(1000))

/** What an answer tells about which conversations and contacts belong to the pinned location. */
export type AnswerRecords = 'search' | 'conversation'

export interface AllowedRoute {
  readonly method: 'GET' | 'PUT' | 'POST'
  /** Matched against the whole raw (still percent-encoded) path; named groups `id`, `locationId`. */
  readonly pattern: RegExp
  /** The query keys the browser may send (besides `locationId`, which is checked and pinned). */
  readonly query: Readonly<Record<string, QueryValue>>
  /** Whether HighLevel wants `locationId` in the query; the server supplies it. */
  readonly pinsLocation: boolean
  /** Query values the server sets whatever the browser sent: templates' `originId`. */
  readonly forcedQuery?: (locationId: string) => Record<string, string>
  /** Fetched by id: the answer must name the pinned location only. */
  readonly guardsAnswer: boolean
  /** Whose ids to remember from a successful answer. */
  readonly records?: AnswerRecords
  /** Writes: the checked body, and which object's membership is checked first. */
  readonly write?: { body: WriteBody; member: MemberKind; memberId: (id: string | undefined, body: Record<string, unknown>) => string | undefined }
  /** Who goes first when the budget is short. */
  readonly priority: Priority
}

const SEARCH_KEYS = [
  'assignedTo', 'contactId', 'followers', 'id', 'lastMessageAction', 'lastMessageDirection', 'lastMessageType',
  'limit', 'mentions', 'query', 'scoreProfile', 'scoreProfileMin', 'scoreProfileMax', 'sort', 'sortBy',
  'sortScoreProfile', 'startAfterDate', 'status', 'startDate', 'endDate',
] as const

/**
 * An id in a route pattern. A plain lower-case word is never taken for one: `messages` is as
 * long as an id, and `GET /conversations/messages` must not pass for a conversation.
 */
const pathId = (name: string): string => `(?<${name}>(?![a-z]+(?:/|$))${ID_PATTERN})`
const path = (source: string): RegExp =>
  new RegExp(`^${source.replaceAll(':id', pathId('id')).replaceAll(':locationId', pathId('locationId'))}$`)

export const ALLOWED_ROUTES: readonly AllowedRoute[] = [
  {
    method: 'GET',
    pattern: path('/conversations/search'),
    query: Object.fromEntries(SEARCH_KEYS.map((key) => [key, TEXT])),
    pinsLocation: true,
    guardsAnswer: false,
    records: 'search',
    priority: 'interactive',
  },
  { method: 'GET', pattern: path('/users/'), query: {}, pinsLocation: true, guardsAnswer: false, priority: 'interactive' },
  {
    method: 'GET',
    pattern: path('/conversations/:id'),
    query: {},
    pinsLocation: false,
    guardsAnswer: true,
    records: 'conversation',
    priority: 'interactive',
  },
  {
    method: 'GET',
    pattern: path('/conversations/:id/messages'),
    query: { limit: z.string().check(z.regex(/^\d{1,3}$/)), lastMessageId: z.string().check(z.regex(ID)) },
    pinsLocation: false,
    guardsAnswer: true,
    priority: 'interactive',
  },
  { method: 'GET', pattern: path('/conversations/messages/email/:id'), query: {}, pinsLocation: false, guardsAnswer: true, priority: 'interactive' },
  {
    method: 'GET',
    pattern: path('/locations/:locationId/templates'),
    query: {
      type: z.enum(['sms', 'email', 'whatsapp']),
      skip: z.string().check(z.regex(/^\d{1,6}$/, 'must be a whole number')),
      limit: z.string().check(z.regex(/^(100|[1-9]\d?)$/, 'must be a whole number from 1 to 100')),
    },
    pinsLocation: false,
    // The spec leaves `originId` unexplained; the location id is our assumption (docs/server.md).
    forcedQuery: (locationId) => ({ originId: locationId }),
    guardsAnswer: true,
    priority: 'interactive',
  },
  {
    method: 'PUT',
    pattern: path('/conversations/:id'),
    query: {},
    pinsLocation: false,
    guardsAnswer: false,
    write: { body: updateConversationBody, member: 'conversation', memberId: (id) => id },
    priority: 'action',
  },
  {
    method: 'PUT',
    pattern: path('/contacts/:id'),
    query: {},
    pinsLocation: false,
    guardsAnswer: false,
    write: { body: assignContactBody, member: 'contact', memberId: (id) => id },
    priority: 'action',
  },
  {
    method: 'POST',
    pattern: path('/conversations/messages'),
    query: {},
    pinsLocation: false,
    guardsAnswer: false,
    write: {
      body: sendMessageBody,
      member: 'contact',
      memberId: (_id, body) => (typeof body.contactId === 'string' ? body.contactId : undefined),
    },
    priority: 'action',
  },
]

export type RouteMatch =
  | { kind: 'allowed'; route: AllowedRoute; id: string | undefined; locationId: string | undefined }
  | { kind: 'wrong-method' }
  | { kind: 'unknown-path' }

export function matchRoute(method: string, rawPath: string): RouteMatch {
  const byPath = ALLOWED_ROUTES.filter((route) => route.pattern.test(rawPath))
  const route = byPath.find((candidate) => candidate.method === method)
  if (route) {
    const groups = route.pattern.exec(rawPath)?.groups
    return { kind: 'allowed', route, id: groups?.id, locationId: groups?.locationId }
  }
  return byPath.length > 0 ? { kind: 'wrong-method' } : { kind: 'unknown-path' }
}
