import { DIRECTIONS, MAX_LIMIT, MESSAGE_ACTIONS, SORT_BYS, SORT_ORDERS, STATUSES, UNASSIGNED } from '../api/schemas/enums'
import { MAX_QUERY_LENGTH, VIEW_DEFAULTS, type SearchView, type ViewParam } from '../api/schemas/search-view'
import {
  DIRECTIONS_SHOWN,
  isMessageType,
  MESSAGE_ACTIONS_SHOWN,
  messageTypeLabel,
  SORT_BY_LABELS,
  SORT_ORDER_LABELS,
  STATUS_LABELS,
  UNASSIGNED_LABEL,
} from '../lib/labels'
import { formatLocalDay } from '../lib/local-day'

/**
 * Every search parameter of a view, declared once: how its URL value is validated and written
 * (the API takes the same format), its default, its label and chip wording, the sidebar section
 * it sits in, what it does to the list, and how people enter it. URL parsing and writing, the
 * API query, the chips, "is this the default", the empty view's wording, the removal
 * suggestions and the sidebar's groups are all derived from this table: adding a parameter is
 * one entry here plus its control.
 */

export type { ViewParam }

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

/** The sidebar's groups, in order; `top` is the untitled block of search and status. */
export const SECTIONS = {
  top: { title: '' },
  assignee: { title: 'Assignee' },
  message: { title: 'Message' },
  dateAdded: { title: 'Date added' },
  followers: { title: 'Followers' },
  mentions: { title: 'Mentions' },
  sort: { title: 'Sort' },
  advanced: { title: 'Advanced' },
} as const
export type Section = keyof typeof SECTIONS

/**
 * What a parameter does to the list: `filter`s narrow it (removing one can bring conversations
 * back), `order` sorts it, `paging` sizes its pages.
 */
export type ParamKind = 'filter' | 'order' | 'paging'

/** How people enter a value: typed in (`ParamInput`), picked from choices, users, or days. */
export type ParamControl = 'text' | 'choice' | 'users' | 'day'

export interface ParamSpec<T> {
  label: string
  parse: (raw: string) => Parsed<T>
  write: (value: T) => string
  chips: (value: T, context: ChipContext) => ChipPart<T>[]
  section: Section
  kind: ParamKind
  control: ParamControl
  /** Always sent to the API, never written into the URL; a removed chip puts it back. */
  default?: T
  /** This parameter starts a range that `rangeEnd` ends: given upside down, the two are swapped. */
  rangeEnd?: ViewParam
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

const choice = { control: 'choice', kind: 'filter' } as const
const typed = { control: 'text', kind: 'filter' } as const
const users = { control: 'users', kind: 'filter' } as const
const day = { control: 'day', kind: 'filter', section: 'dateAdded', write: same, chips: scalarChip(formatLocalDay) } as const

export const VIEW_PARAMS = {
  query: { ...typed, label: 'Search', section: 'top', parse: text, write: same, chips: scalarChip(quote) },
  status: {
    ...choice,
    label: 'Status',
    section: 'top',
    // `all` is what the API does without a status: the plain inbox stays a plain URL.
    parse: (raw) => (raw.trim() === 'all' ? {} : oneOf(STATUSES, 'status')(raw)),
    write: same,
    chips: scalarChip((value) => STATUS_LABELS[value]),
  },
  assignedTo: { ...users, label: 'Assignee', section: 'assignee', parse: idList, write: joinList, chips: userChips },
  followers: { ...users, label: 'Follower', section: 'followers', parse: idList, write: joinList, chips: userChips },
  mentions: { ...users, label: 'Mention', section: 'mentions', parse: idList, write: joinList, chips: userChips },
  lastMessageType: {
    ...choice,
    label: 'Channel',
    section: 'message',
    parse: (raw) => {
      const value = raw.trim()
      if (!value) return {}
      return isMessageType(value) ? { value } : { problem: 'not a known channel (message type)' }
    },
    write: same,
    chips: scalarChip((value) => messageTypeLabel(value)),
  },
  lastMessageDirection: {
    ...choice,
    label: 'Direction',
    section: 'message',
    parse: oneOf(DIRECTIONS, 'direction'),
    write: same,
    chips: scalarChip((value) => DIRECTIONS_SHOWN[value].label),
  },
  lastMessageAction: {
    ...choice,
    label: 'Last outbound',
    section: 'message',
    parse: oneOf(MESSAGE_ACTIONS, 'message action'),
    write: same,
    chips: scalarChip((value) => MESSAGE_ACTIONS_SHOWN[value].label),
  },
  startDate: { ...day, label: 'Added from', parse: epochMs, rangeEnd: 'endDate' },
  endDate: { ...day, label: 'Added until', parse: epochMs },
  contactId: { ...typed, label: 'Contact', section: 'advanced', parse: id('contact'), write: same, chips: scalarChip(String) },
  id: { ...typed, label: 'Conversation', section: 'advanced', parse: id('conversation'), write: same, chips: scalarChip(String) },
  scoreProfile: { ...typed, label: 'Score profile', section: 'advanced', parse: id('score profile'), write: same, chips: scalarChip(String) },
  scoreProfileMin: {
    ...typed,
    label: 'Min score',
    section: 'advanced',
    parse: score,
    write: same,
    chips: scalarChip(String),
    rangeEnd: 'scoreProfileMax',
  },
  scoreProfileMax: { ...typed, label: 'Max score', section: 'advanced', parse: score, write: same, chips: scalarChip(String) },
  sortBy: {
    ...choice,
    kind: 'order',
    label: 'Sort by',
    section: 'sort',
    default: VIEW_DEFAULTS.sortBy,
    parse: oneOf(SORT_BYS, 'sort field'),
    write: same,
    chips: scalarChip((value) => SORT_BY_LABELS[value]),
  },
  sortScoreProfile: {
    ...typed,
    kind: 'order',
    label: 'Sort score profile',
    section: 'sort',
    parse: id('score profile'),
    write: same,
    chips: scalarChip(String),
  },
  sort: {
    ...choice,
    kind: 'order',
    label: 'Order',
    section: 'sort',
    default: VIEW_DEFAULTS.sort,
    parse: oneOf(SORT_ORDERS, 'sort order'),
    write: same,
    chips: scalarChip((value) => SORT_ORDER_LABELS[value]),
  },
  limit: {
    ...typed,
    kind: 'paging',
    label: 'Page size',
    section: 'advanced',
    default: VIEW_DEFAULTS.limit,
    parse: integer(1, MAX_LIMIT),
    write: same,
    chips: scalarChip(String),
  },
} as const satisfies ParamTable

/** The parameters in the order the URL lists them. */
export const VIEW_PARAM_NAMES = Object.keys(VIEW_PARAMS) as ViewParam[]

/** The parameters people type in: the ones `ParamInput` takes. */
export type TypedParam = { [K in ViewParam]: (typeof VIEW_PARAMS)[K]['control'] extends 'text' ? K : never }[ViewParam]

/** Parameters the API has but a view does not carry, and why. */
export const NOT_VIEW_PARAMS: Record<string, string> = {
  locationId: 'the location is set by the server',
  startAfterDate: 'a paging cursor, not part of a view',
}

/** One parameter's declaration, typed for that parameter (TypeScript cannot correlate this itself). */
export function paramSpec<K extends ViewParam>(name: K): ParamSpec<NonNullable<SearchView[K]>> {
  return VIEW_PARAMS[name] as unknown as ParamSpec<NonNullable<SearchView[K]>>
}

/** Whether a value is the parameter's "nothing chosen": unset, an empty list, or its default. */
export function isDefault<K extends ViewParam>(name: K, value: SearchView[K]): boolean {
  if (value === undefined || value === null) return true
  if (Array.isArray(value) && value.length === 0) return true
  return value === paramSpec(name).default
}

/** The view's parameters of one sidebar section, in URL order. */
export function sectionParams(section: Section): ViewParam[] {
  return VIEW_PARAM_NAMES.filter((name) => VIEW_PARAMS[name].section === section)
}
