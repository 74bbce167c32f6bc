import { DIRECTIONS, MAX_LIMIT, MESSAGE_ACTIONS, SORT_BYS, SORT_ORDERS, STATUSES, UNASSIGNED } from '../../api/schemas/enums'
import { MAX_QUERY_LENGTH, type SearchView } from '../../api/schemas/search-view'
import { channelLabel, isMessageType } from '../../lib/channels'
import {
  DIRECTION_LABELS,
  MESSAGE_ACTION_LABELS,
  SORT_BY_LABELS,
  SORT_ORDER_LABELS,
  STATUS_LABELS,
  UNASSIGNED_LABEL,
} from '../../lib/view-options'
import { formatLocalDay } from './local-day'

/**
 * Every URL parameter of a view, declared once: its label, how its raw value is validated,
 * how it is written back, and how it reads as a chip. Parsing, writing, chips and the
 * "what was ignored" notice are all derived from this table.
 */

export type ViewParam = keyof SearchView

/** What a parser made of a raw value: a value, nothing, or a problem (value dropped, or corrected). */
export interface Parsed<T> {
  value?: T
  problem?: string
}

export interface ChipContext {
  userName: (id: string) => string
}

/** One chip's text, and what the value becomes when the chip is removed. */
export interface ChipPart<T> {
  text: string
  rest: T | undefined
}

export interface ParamSpec<T> {
  label: string
  parse: (raw: string) => Parsed<T>
  write: (value: T) => string
  chips: (value: T, context: ChipContext) => ChipPart<T>[]
}

type ParamTable = { [K in ViewParam]-?: ParamSpec<NonNullable<SearchView[K]>> }

/** HighLevel ids are 20 letters and digits; allow some slack, but nothing that would need escaping. */
const ID = /^[A-Za-z0-9_-]{1,64}$/
const MAX_LIST_ITEMS = 50
const MAX_EPOCH_MS = 8_640_000_000_000_000

const quote = (value: string) => `“${value}”`

function oneOf<T extends string>(values: readonly T[], noun: string, listValues = true) {
  return (raw: string): Parsed<T> => {
    const value = raw.trim()
    if (!value) return {}
    if ((values as readonly string[]).includes(value)) return { value: value as T }
    return { problem: listValues ? `not a ${noun}; expected one of ${values.join(', ')}` : `not a known ${noun}` }
  }
}

function text(raw: string): Parsed<string> {
  const value = raw.trim()
  if (!value) return {}
  if (value.length <= MAX_QUERY_LENGTH) return { value }
  return {
    value: value.slice(0, MAX_QUERY_LENGTH).trim(),
    problem: `longer than ${MAX_QUERY_LENGTH} characters; shortened to the first ${MAX_QUERY_LENGTH}`,
  }
}

function id(noun: string) {
  return (raw: string): Parsed<string> => {
    const value = raw.trim()
    if (!value) return {}
    return ID.test(value) ? { value } : { problem: `not a valid ${noun} id` }
  }
}

function idList(raw: string): Parsed<string[]> {
  const items = [...new Set(raw.split(',').map((item) => item.trim()).filter(Boolean))]
  const good = items.filter((item) => ID.test(item)).slice(0, MAX_LIST_ITEMS)
  const bad = items.filter((item) => !ID.test(item))
  const problems: string[] = []
  if (bad.length > 0) problems.push(`${bad.map(quote).join(', ')} ${bad.length === 1 ? 'is not a valid user id' : 'are not valid user ids'}`)
  if (items.length - bad.length > MAX_LIST_ITEMS) problems.push(`only the first ${MAX_LIST_ITEMS} users are kept`)
  return { value: good.length > 0 ? good : undefined, problem: problems.length > 0 ? problems.join('; ') : undefined }
}

function integer(min: number, max: number) {
  return (raw: string): Parsed<number> => {
    const value = raw.trim()
    if (!value) return {}
    if (!/^[+-]?\d{1,16}$/.test(value)) return { problem: `not a whole number from ${min} to ${max}` }
    const number = Number(value)
    if (number < min) return { problem: `must be from ${min} to ${max}` }
    if (number > max) return { value: max, problem: `more than ${max}; using ${max}` }
    return { value: number }
  }
}

function score(raw: string): Parsed<number> {
  const value = raw.trim()
  if (!value) return {}
  return /^[+-]?\d{1,12}(\.\d{1,6})?$/.test(value) ? { value: Number(value) } : { problem: 'not a number' }
}

function epochMs(raw: string): Parsed<number> {
  const value = raw.trim()
  if (!value) return {}
  const number = Number(value)
  return /^\d{1,16}$/.test(value) && number <= MAX_EPOCH_MS
    ? { value: number }
    : { problem: 'not a date (epoch milliseconds expected)' }
}

function scalarChip<T>(show: (value: T, context: ChipContext) => string) {
  return (value: T, context: ChipContext): ChipPart<T>[] => [{ text: show(value, context), rest: undefined }]
}

/** One chip per user, each removing just that user. */
function userChips(values: string[], context: ChipContext): ChipPart<string[]>[] {
  return values.map((value) => {
    const rest = values.filter((other) => other !== value)
    return { text: value === UNASSIGNED ? UNASSIGNED_LABEL : context.userName(value), rest: rest.length > 0 ? rest : undefined }
  })
}

const joinList = (values: string[]) => values.join(',')
const same = <T extends string | number>(value: T) => String(value)

export const VIEW_PARAMS: ParamTable = {
  query: { label: 'Search', parse: text, write: same, chips: scalarChip(quote) },
  status: {
    label: 'Status',
    // `all` is what the API does without a status: the plain inbox stays a plain URL.
    parse: (raw) => (raw.trim() === 'all' ? {} : oneOf(STATUSES, 'status')(raw)),
    write: same,
    chips: scalarChip((value) => STATUS_LABELS[value]),
  },
  assignedTo: { label: 'Assignee', parse: idList, write: joinList, chips: userChips },
  followers: { label: 'Follower', parse: idList, write: joinList, chips: userChips },
  mentions: { label: 'Mention', parse: idList, write: joinList, chips: userChips },
  lastMessageType: {
    label: 'Channel',
    parse: (raw) => {
      const value = raw.trim()
      if (!value) return {}
      return isMessageType(value) ? { value } : { problem: 'not a known channel (message type)' }
    },
    write: same,
    chips: scalarChip((value) => channelLabel(value)),
  },
  lastMessageDirection: {
    label: 'Direction',
    parse: oneOf(DIRECTIONS, 'direction'),
    write: same,
    chips: scalarChip((value) => DIRECTION_LABELS[value]),
  },
  lastMessageAction: {
    label: 'Last outbound',
    parse: oneOf(MESSAGE_ACTIONS, 'message action'),
    write: same,
    chips: scalarChip((value) => MESSAGE_ACTION_LABELS[value]),
  },
  startDate: { label: 'Added from', parse: epochMs, write: same, chips: scalarChip(formatLocalDay) },
  endDate: { label: 'Added until', parse: epochMs, write: same, chips: scalarChip(formatLocalDay) },
  contactId: { label: 'Contact', parse: id('contact'), write: same, chips: scalarChip(String) },
  id: { label: 'Conversation', parse: id('conversation'), write: same, chips: scalarChip(String) },
  scoreProfile: { label: 'Score profile', parse: id('score profile'), write: same, chips: scalarChip(String) },
  scoreProfileMin: { label: 'Min score', parse: score, write: same, chips: scalarChip(String) },
  scoreProfileMax: { label: 'Max score', parse: score, write: same, chips: scalarChip(String) },
  sortBy: {
    label: 'Sort by',
    parse: oneOf(SORT_BYS, 'sort field'),
    write: same,
    chips: scalarChip((value) => SORT_BY_LABELS[value]),
  },
  sortScoreProfile: { label: 'Sort score profile', parse: id('score profile'), write: same, chips: scalarChip(String) },
  sort: {
    label: 'Order',
    parse: oneOf(SORT_ORDERS, 'sort order'),
    write: same,
    chips: scalarChip((value) => SORT_ORDER_LABELS[value]),
  },
  limit: { label: 'Page size', parse: integer(1, MAX_LIMIT), write: same, chips: scalarChip(String) },
}

/** The parameters in the order the URL lists them. */
export const VIEW_PARAM_NAMES = Object.keys(VIEW_PARAMS) as ViewParam[]

/** Parameters the API has but a view does not carry, and why. */
export const NOT_VIEW_PARAMS: Record<string, string> = {
  locationId: 'the location is set by the server',
  startAfterDate: 'a paging cursor, not part of a view',
}

/** One parameter's declaration, typed for that parameter (TypeScript cannot correlate this itself). */
export function paramSpec<K extends ViewParam>(name: K): ParamSpec<NonNullable<SearchView[K]>> {
  return VIEW_PARAMS[name] as unknown as ParamSpec<NonNullable<SearchView[K]>>
}
