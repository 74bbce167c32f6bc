import { MAX_LIMIT } from '../../../src/api/schemas/enums'
import type { Send, UpstreamAnswer, UpstreamCall } from '../upstream.ts'

/**
 * A small HighLevel for job tests: search with the API's paging rule (items strictly after
 * the cursor, ties in a fixed hidden order, `dateAdded` windows), the two writes jobs send,
 * and hooks to inject answers or to change the data between calls.
 */

export const LOCATION = 'Loc0000001'

export interface FakeConversation {
  id: string
  contactId: string
  unreadCount: number
  starred: boolean
  assignedTo: string | null
  lastMessageDate: number
  dateAdded: number
  /** The contact's name fields, as HighLevel sends them in search and detail answers. */
  fullName?: string
  email?: string
}

export interface FakeHighLevel {
  conversations: FakeConversation[]
  /** Every call received, in order. */
  calls: UpstreamCall[]
  writes(): UpstreamCall[]
  send: Send
  /** Answers a call instead of the model (429s, 5xx...), or undefined to let the model answer. */
  intercept: ((call: UpstreamCall, index: number) => UpstreamAnswer | undefined) | undefined
  /** Runs before each answer: changes the data under the job's feet. */
  beforeAnswer: ((call: UpstreamCall) => void) | undefined
  /** Holds an answer back until the promise it returns settles. */
  delay: ((call: UpstreamCall) => Promise<void> | undefined) | undefined
}

export function answer(status: number, json: unknown, headers: Record<string, string> = {}): UpstreamAnswer {
  return { status, headers: new Headers(headers), json }
}

/** `count` conversations, ids `Conv000000`..., with sort values from `dateOf`. */
export function conversations(count: number, dateOf: (index: number) => number, fields: Partial<FakeConversation> = {}): FakeConversation[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `Conv${String(index).padStart(6, '0')}`,
    contactId: `Cont${String(index).padStart(6, '0')}`,
    unreadCount: 1,
    starred: false,
    assignedTo: null,
    lastMessageDate: dateOf(index),
    dateAdded: 1_700_000_000_000 + index * 1000,
    ...fields,
  }))
}

function matches(row: FakeConversation, query: URLSearchParams): boolean {
  const status = query.get('status') ?? 'all'
  if (status === 'unread' && row.unreadCount === 0) return false
  if (status === 'read' && row.unreadCount > 0) return false
  if (status === 'starred' && !row.starred) return false
  const assigned = query.get('assignedTo')
  if (assigned === 'unassigned' && row.assignedTo !== null) return false
  if (assigned && assigned !== 'unassigned' && !assigned.split(',').includes(row.assignedTo ?? '')) return false
  const contact = query.get('contactId')
  if (contact !== null && row.contactId !== contact) return false
  const from = query.get('startDate')
  const to = query.get('endDate')
  if (from !== null && row.dateAdded < Number(from)) return false
  if (to !== null && row.dateAdded > Number(to)) return false
  return true
}

function search(rows: readonly FakeConversation[], query: URLSearchParams): UpstreamAnswer {
  const limit = Number(query.get('limit') ?? 20)
  if (limit > MAX_LIMIT) return answer(422, { statusCode: 422, message: ['limit must not be greater than 100'] })
  const sign = query.get('sort') === 'asc' ? 1 : -1
  const matching = rows
    .map((row, seq) => ({ row, seq }))
    .filter(({ row }) => matches(row, query))
    .sort((a, b) => sign * (a.row.lastMessageDate - b.row.lastMessageDate) || a.seq - b.seq)
    .map(({ row }) => row)
  const cursor = query.get('startAfterDate')
  const after = cursor === null ? matching : matching.filter((row) => sign * (row.lastMessageDate - Number(cursor)) > 0)
  const page = after.slice(0, limit).map((row) => ({ ...row, locationId: LOCATION, sort: [row.lastMessageDate] }))
  return answer(200, { conversations: page, total: matching.length })
}

export function createFakeHighLevel(rows: FakeConversation[]): FakeHighLevel {
  const fake: FakeHighLevel = {
    conversations: rows,
    calls: [],
    writes: () => fake.calls.filter((call) => call.method === 'PUT'),
    intercept: undefined,
    beforeAnswer: undefined,
    delay: undefined,
    send: async (call, { signal }) => {
      signal.throwIfAborted()
      const index = fake.calls.length
      fake.calls.push(call)
      await fake.delay?.(call)
      fake.beforeAnswer?.(call)
      const injected = fake.intercept?.(call, index)
      if (injected) return injected
      return respond(fake.conversations, call)
    },
  }
  return fake
}

function respond(rows: FakeConversation[], call: UpstreamCall): UpstreamAnswer {
  if (call.method === 'GET' && call.path === '/conversations/search') return search(rows, call.query ?? new URLSearchParams())
  const [, resource, id] = call.path.split('/')
  const body = (call.body ?? {}) as Record<string, unknown>
  if (resource === 'conversations') {
    const row = rows.find((candidate) => candidate.id === id)
    if (!row) return answer(404, { statusCode: 404, message: 'Conversation not found' })
    if (call.method === 'GET') return answer(200, { ...row, locationId: LOCATION })
    if (body.locationId !== LOCATION) return answer(403, { statusCode: 403, message: 'Forbidden' })
    if (typeof body.unreadCount === 'number') row.unreadCount = body.unreadCount
    if (typeof body.starred === 'boolean') row.starred = body.starred
    return answer(200, { success: true, conversation: row })
  }
  if (resource === 'contacts' && call.method === 'PUT') {
    const owned = rows.filter((row) => row.contactId === id)
    if (owned.length === 0) return answer(404, { statusCode: 404, message: 'Contact not found' })
    for (const row of owned) row.assignedTo = typeof body.assignedTo === 'string' ? body.assignedTo : null
    return answer(200, { contact: { id, assignedTo: body.assignedTo } })
  }
  return answer(404, { statusCode: 404, message: 'Not found' })
}

/** A pacer that grants at once and remembers what it was asked. */
export function createFakePacer() {
  const acquired: { priority?: string; maxShare?: number; client?: string }[] = []
  const holds: number[] = []
  let inUse = 0
  let maxInUse = 0
  return {
    acquired,
    holds,
    get maxInUse() {
      return maxInUse
    },
    acquire(options: { signal?: AbortSignal; priority?: 'bulk'; client?: string; maxShare?: number }) {
      if (options.signal?.aborted) return Promise.reject(options.signal.reason)
      acquired.push({ priority: options.priority, maxShare: options.maxShare, client: options.client })
      inUse += 1
      maxInUse = Math.max(maxInUse, inUse)
      let released = false
      return Promise.resolve(() => {
        if (!released) inUse -= 1
        released = true
      })
    },
    hold(ms: number) {
      holds.push(ms)
    },
  }
}
