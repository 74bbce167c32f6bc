import { z } from 'zod'
import {
  DIRECTIONS,
  MESSAGE_ACTIONS,
  MESSAGE_TYPES,
  SORT_BYS,
  SORT_ORDERS,
  STATUSES,
} from '../../src/api/schemas/enums'
import { DEFAULT_VIEW, MAX_QUERY_LENGTH, type SearchView } from '../../src/api/schemas/search-view'
import { ID_PATTERN } from './plan.ts'
import type { JobRequest } from './runner.ts'

/**
 * The body of `POST /_inbox/jobs` and `/_inbox/jobs/estimate`, checked and bounded
 * (docs/bulk-jobs.md). A view comes as the search parameters the app sends HighLevel.
 */

/** A selection of more is over the daily budget share anyway. */
export const MAX_SELECTION = 20_000
export const MAX_LOADED = 20_000
export const MAX_BODY_BYTES = 4 * 1024 * 1024

const id = z.string().regex(ID_PATTERN, 'must be a HighLevel id (8 to 40 letters and digits)')
const conversation = z.strictObject({ id, contactId: id.optional() })

const list = z.string().max(2000).transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
const number = z.string().max(40).regex(/^-?\d+(\.\d+)?$/, 'must be a number').transform(Number)

/** `toApiParams(view)` as an object: HighLevel's names and formats, `locationId` left to the server. */
const viewParamsSchema = z
  .strictObject({
    query: z.string().max(MAX_QUERY_LENGTH).optional(),
    status: z.enum(STATUSES).optional(),
    assignedTo: list.optional(),
    followers: list.optional(),
    mentions: list.optional(),
    contactId: z.string().max(100).optional(),
    id: z.string().max(100).optional(),
    lastMessageType: z.enum(MESSAGE_TYPES).optional(),
    lastMessageDirection: z.enum(DIRECTIONS).optional(),
    lastMessageAction: z.enum(MESSAGE_ACTIONS).optional(),
    scoreProfile: z.string().max(100).optional(),
    scoreProfileMin: number.optional(),
    scoreProfileMax: number.optional(),
    sortScoreProfile: z.string().max(100).optional(),
    startDate: number.optional(),
    endDate: number.optional(),
    sort: z.enum(SORT_ORDERS).optional(),
    sortBy: z.enum(SORT_BYS).optional(),
    /** Accepted and ignored: a snapshot reads 100 a page. */
    limit: z.string().max(10).optional(),
  })
  .transform((params): SearchView => {
    const view: SearchView = { ...DEFAULT_VIEW }
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && name !== 'limit') Object.assign(view, { [name]: value })
    }
    return view
  })

const actionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['markRead', 'markUnread', 'star', 'unstar']) }),
  z.strictObject({ kind: z.literal('assign'), assignTo: id.nullable() }),
])

export const jobRequestSchema = z.strictObject({
  action: actionSchema,
  target: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('selection'), conversations: z.array(conversation).min(1).max(MAX_SELECTION) }),
    z.strictObject({ type: z.literal('view'), view: viewParamsSchema }),
  ]),
  viewTotal: z.number().int().min(0).max(10_000_000).optional(),
  loaded: z.array(conversation).max(MAX_LOADED).optional(),
  createdBy: z.string().trim().min(1).max(100).optional(),
  /** POST /_inbox/jobs only: answer the estimate, start nothing. */
  dryRun: z.boolean().optional(),
})

export type JobRequestBody = z.input<typeof jobRequestSchema>

/** The runner's request from a checked body; a conversation selected twice counts once. */
export function toJobRequest(body: z.output<typeof jobRequestSchema>): JobRequest {
  const { action, target, viewTotal, loaded, createdBy } = body
  const rest = { action, ...(viewTotal === undefined ? {} : { viewTotal }), ...(loaded ? { loaded } : {}), ...(createdBy ? { createdBy } : {}) }
  if (target.type === 'view') return { ...rest, target }
  const seen = new Set<string>()
  const conversations = target.conversations.filter((item) => !seen.has(item.id) && seen.add(item.id))
  return { ...rest, target: { type: 'selection', conversations } }
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ')
}
