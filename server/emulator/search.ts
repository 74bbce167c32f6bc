import { UNASSIGNED } from '../../src/api/schemas/enums'
import { scoreOf, type ConversationRow } from './model'
import type { SearchParams } from './search-params'
import type { LocationStore } from './store'

/** `status=recents`: a documented guess (see docs/emulator.md). */
export const RECENT_MS = 7 * 86_400_000

export interface SearchPage {
  rows: ConversationRow[]
  sortValues: number[][]
  total: number
}

type Predicate = (row: ConversationRow) => boolean

/**
 * Filters AND together; one walk over the sort order counts every match (`total`) and collects
 * the page from the cursor's position, so a page costs one pass and never a sort.
 */
export function searchConversations(store: LocationStore, params: SearchParams, now: number): SearchPage {
  const profileId = params.sortScoreProfile ?? params.scoreProfile ?? store.defaultScoreProfileId
  const index = store.index(params.sortBy, profileId)
  const predicate = predicateOf(params, now, store.defaultScoreProfileId)
  const order = index.order
  const size = order.length
  const descending = params.sort === 'desc'
  const cursor = params.startAfterDate
  // In walk order (0 = first item of the sort), where the items strictly after the cursor begin.
  let start = 0
  if (cursor !== undefined) start = descending ? size - index.boundary(cursor, true) : index.boundary(cursor, false)
  const rows: ConversationRow[] = []
  let total = 0
  for (let step = 0; step < size; step++) {
    const row = index.rowAt(descending ? size - 1 - step : step)
    if (predicate !== undefined && !predicate(row)) continue
    total++
    if (step >= start && rows.length < params.limit) rows.push(row)
  }
  return { rows, sortValues: rows.map((row) => index.sortValue(row)), total }
}

function predicateOf(params: SearchParams, now: number, defaultProfileId: string): Predicate | undefined {
  const checks: Predicate[] = []
  const { assignedTo, followers, mentions } = params
  if (params.id !== undefined) checks.push((row) => row.id === params.id)
  if (params.contactId !== undefined) checks.push((row) => row.contactId === params.contactId)
  if (assignedTo !== undefined && assignedTo.length > 0) {
    const ids = new Set(assignedTo)
    const unassigned = ids.has(UNASSIGNED)
    checks.push((row) => (row.assignedTo === undefined ? unassigned : ids.has(row.assignedTo)))
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
  if (checks.length === 0) return undefined
  if (checks.length === 1) return checks[0]
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
  const body = row.lastMessageBody.replace(/<[^>]*>/g, ' ')
  const fields = [row.fullName, row.contactName, row.email, row.phone, row.phone.replace(/\D/g, ''), row.companyName, body]
  return fields.join('\n').toLowerCase()
}
