import { UNASSIGNED } from '../../src/api/schemas/enums'
import type { IndexedField } from './field-index'
import { scoreOf, type ConversationRow } from './model'
import type { SearchParams } from './search-params'

/** `status=recents`: a documented guess (see docs/emulator.md). */
export const RECENT_MS = 7 * 86_400_000

export type Predicate = (row: ConversationRow) => boolean

export interface IndexedFilter {
  field: IndexedField
  values: string[]
  /** The search without this filter: what remains to check on its candidates. */
  rest: Partial<SearchParams>
}

/** The equality filters of a search that an inverted index can answer with candidate lists. */
export function indexedFilters(params: SearchParams): IndexedFilter[] {
  const filters: IndexedFilter[] = []
  const add = (field: IndexedField, values: string[] | undefined, rest: Partial<SearchParams>) => {
    if (values !== undefined && values.length > 0) filters.push({ field, values, rest })
  }
  const one = (value: string | undefined) => (value === undefined ? undefined : [value])
  add('id', one(params.id), { id: undefined })
  add('contactId', one(params.contactId), { contactId: undefined })
  add('assignedTo', params.assignedTo, { assignedTo: undefined })
  add('followers', params.followers, { followers: undefined })
  add('mentions', params.mentions, { mentions: undefined })
  add('lastMessageType', one(params.lastMessageType), { lastMessageType: undefined })
  add('lastMessageDirection', one(params.lastMessageDirection), { lastMessageDirection: undefined })
  add('lastOutboundMessageAction', one(params.lastMessageAction), { lastMessageAction: undefined })
  if (params.status === 'read' || params.status === 'unread') add('unread', [params.status], { status: 'all' })
  if (params.status === 'starred') add('starred', ['starred'], { status: 'all' })
  return filters
}

/** Every filter of a search ANDed into one predicate; undefined when nothing filters. */
export function predicateOf(params: SearchParams, now: number, defaultProfileId: string): Predicate | undefined {
  const checks: Predicate[] = []
  const { assignedTo, followers, mentions } = params
  if (params.id !== undefined) checks.push((row) => row.id === params.id)
  if (params.contactId !== undefined) checks.push((row) => row.contactId === params.contactId)
  if (assignedTo !== undefined && assignedTo.length > 0) {
    const ids = new Set(assignedTo)
    checks.push((row) => ids.has(row.assignedTo ?? UNASSIGNED))
  }
  if (followers !== undefined && followers.length > 0) checks.push(anyOf((row) => row.followers, followers))
  if (mentions !== undefined && mentions.length > 0) checks.push(anyOf((row) => row.mentions, mentions))
  if (params.lastMessageType !== undefined) checks.push((row) => row.lastMessageType === params.lastMessageType)
  if (params.lastMessageDirection !== undefined) {
    checks.push((row) => row.lastMessageDirection === params.lastMessageDirection)
  }
  if (params.lastMessageAction !== undefined) {
    checks.push((row) => row.lastOutboundMessageAction === params.lastMessageAction)
  }
  const statusCheck = statusPredicate(params.status, now)
  if (statusCheck) checks.push(statusCheck)
  const { startDate, endDate, scoreProfileMin: min, scoreProfileMax: max } = params
  if (startDate !== undefined) checks.push((row) => row.dateAdded >= startDate)
  if (endDate !== undefined) checks.push((row) => row.dateAdded <= endDate)
  if (min !== undefined || max !== undefined) {
    const profileId = params.scoreProfile ?? params.sortScoreProfile ?? defaultProfileId
    checks.push((row) => {
      const score = scoreOf(row, profileId)
      return (min === undefined || score >= min) && (max === undefined || score <= max)
    })
  }
  if (params.query !== undefined) checks.push(queryPredicate(params.query))
  if (checks.length <= 1) return checks[0]
  return (row) => {
    for (const check of checks) if (!check(row)) return false
    return true
  }
}

function anyOf(values: (row: ConversationRow) => readonly string[], wanted: readonly string[]): Predicate {
  const set = new Set(wanted)
  return (row) => values(row).some((value) => set.has(value))
}

function statusPredicate(status: SearchParams['status'], now: number): Predicate | undefined {
  switch (status) {
    case 'all':
      return undefined
    case 'read':
      return (row) => row.unreadCount === 0
    case 'unread':
      return (row) => row.unreadCount > 0
    case 'starred':
      return (row) => row.starred
    case 'recents':
      return (row) => row.lastMessageDate >= now - RECENT_MS
  }
}

/** Case-insensitive substring of names, email, phone (digits alone also match), company, last body. */
function queryPredicate(query: string): Predicate {
  const needle = query.toLowerCase()
  const digits = /^[\d\s()+.-]+$/.test(query) ? query.replace(/\D/g, '') : ''
  return (row) => {
    const haystack = (row.haystack ??= haystackOf(row))
    return haystack.includes(needle) || (digits.length > 0 && haystack.includes(digits))
  }
}

function haystackOf(row: ConversationRow): string {
  // Markup is not text: a search for "<p>" must not match every email.
  const body = row.lastMessageBody.replace(/<[^>]*>/g, ' ')
  const fields = [row.fullName, row.contactName, row.email, row.phone, row.phone.replace(/\D/g, ''), row.companyName, body]
  return fields.join('\n').toLowerCase()
}
