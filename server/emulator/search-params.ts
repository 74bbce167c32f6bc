import {
  DIRECTIONS,
  MAX_LIMIT,
  MESSAGE_ACTIONS,
  MESSAGE_TYPES,
  SORT_BYS,
  SORT_ORDERS,
  STATUSES,
  type SortBy,
  type SortOrder,
  type Status,
} from '../../src/api/schemas/enums'
import type { SameKeys, SearchQueryParam } from '../../src/api/schemas/search-view'

/** `GET /conversations/search`'s query, validated. Lists are the comma-separated parameters. */
export interface SearchParams {
  locationId: string
  assignedTo?: string[]
  contactId?: string
  followers?: string[]
  id?: string
  lastMessageAction?: string
  lastMessageDirection?: string
  lastMessageType?: string
  limit: number
  mentions?: string[]
  query?: string
  scoreProfile?: string
  scoreProfileMin?: number
  scoreProfileMax?: number
  sort: SortOrder
  sortBy: SortBy
  sortScoreProfile?: string
  /** The cursor: one value, or two (score, then date) for `score_profile`. */
  startAfterDate?: number[]
  status: Status
  /** `dateAdded` range, epoch ms, inclusive. */
  startDate?: number
  endDate?: number
}

// Both lists are the app's parameter set (src/view/params.ts declares each one): the compiler says when they drift.
export const SEARCH_PARAMS_ARE_THE_APPS: SameKeys<SearchParams, SearchQueryParam> = true
const KNOWN = new Set([
  ...Object.keys({
    locationId: true, assignedTo: true, contactId: true, followers: true, id: true, lastMessageAction: true,
    lastMessageDirection: true, lastMessageType: true, limit: true, mentions: true, query: true, scoreProfile: true,
    scoreProfileMin: true, scoreProfileMax: true, sort: true, sortBy: true, sortScoreProfile: true, startAfterDate: true,
    status: true, startDate: true, endDate: true,
  } satisfies Record<SearchQueryParam, true>),
  'startAfterDate[]',
])

export type ParseResult = { ok: true; params: SearchParams } | { ok: false; messages: string[] }

/**
 * Validates like HighLevel's NestJS validation pipe: every problem is reported at once, in
 * class-validator's words, so that the app meets the same 422 bodies as on the real API.
 */
export function parseSearchParams(query: URLSearchParams): ParseResult {
  const messages: string[] = []
  for (const name of new Set(query.keys())) {
    if (!KNOWN.has(name)) messages.push(`property ${name} should not exist`)
  }
  const text = (name: string): string | undefined => {
    const values = query.getAll(name)
    if (values.length > 1) messages.push(`${name} must be a string`)
    const value = values[0]
    return value === undefined || value === '' ? undefined : value
  }
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = query.getAll(name).length > 0 ? (query.getAll(name)[0] ?? '') : undefined
    if (value === undefined) return undefined
    if (!(allowed as readonly string[]).includes(value) || query.getAll(name).length > 1) {
      messages.push(`${name} must be one of the following values: ${allowed.join(', ')}`)
      return undefined
    }
    return value as T
  }
  const number = (name: string): number | undefined => {
    const value = text(name)
    if (value === undefined) return undefined
    const parsed = Number(value)
    if (!Number.isFinite(parsed)) {
      messages.push(`${name} must be a number conforming to the specified constraints`)
      return undefined
    }
    return parsed
  }
  const list = (name: string): string[] | undefined => {
    const value = text(name)
    return value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter(Boolean)
  }

  const locationId = text('locationId')
  if (locationId === undefined) messages.push('locationId should not be empty')
  const limit = number('limit')
  if (limit !== undefined) {
    if (!Number.isInteger(limit)) messages.push('limit must be an integer number')
    else if (limit < 1) messages.push('limit must not be less than 1')
    else if (limit > MAX_LIMIT) messages.push(`limit must not be greater than ${MAX_LIMIT}`)
  }
  const sortBy = oneOf('sortBy', SORT_BYS) ?? 'last_message_date'
  // The spec allows an array: axios sends `startAfterDate[]=a&startAfterDate[]=b`, others repeat the key.
  const cursorParts = [...query.getAll('startAfterDate'), ...query.getAll('startAfterDate[]')].filter((part) => part !== '')
  const startAfterDate = cursorOf(cursorParts.length > 0 ? cursorParts.join(',') : undefined, sortBy, messages)
  const params: SearchParams = {
    locationId: locationId ?? '',
    assignedTo: list('assignedTo'),
    contactId: text('contactId'),
    followers: list('followers'),
    id: text('id'),
    lastMessageAction: oneOf('lastMessageAction', MESSAGE_ACTIONS),
    lastMessageDirection: oneOf('lastMessageDirection', DIRECTIONS),
    lastMessageType: oneOf('lastMessageType', MESSAGE_TYPES),
    limit: limit ?? 20,
    mentions: list('mentions'),
    query: text('query')?.trim() || undefined,
    scoreProfile: text('scoreProfile'),
    scoreProfileMin: number('scoreProfileMin'),
    scoreProfileMax: number('scoreProfileMax'),
    sort: oneOf('sort', SORT_ORDERS) ?? 'desc',
    sortBy,
    sortScoreProfile: text('sortScoreProfile'),
    startAfterDate,
    status: oneOf('status', STATUSES) ?? 'all',
    startDate: number('startDate'),
    endDate: number('endDate'),
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, params }
}

/** One value for the date sorts; one or two (score, date) for `score_profile`. */
function cursorOf(value: string | undefined, sortBy: SortBy, messages: string[]): number[] | undefined {
  if (value === undefined) return undefined
  const parts = value.split(',').map((part) => Number(part.trim()))
  const maxParts = sortBy === 'score_profile' ? 2 : 1
  if (parts.some((part) => !Number.isFinite(part)) || parts.length > maxParts) {
    messages.push(
      maxParts === 1
        ? 'startAfterDate must be a number (the sort value of the last conversation)'
        : 'startAfterDate must be a number or two comma-separated numbers (score, date)',
    )
    return undefined
  }
  return parts
}
