import type { Direction, MessageAction, MessageType, SortBy, SortOrder, Status } from './enums'

/**
 * A view of the inbox: every query parameter of `GET /conversations/search` except
 * `locationId` (the server pins it) and `startAfterDate` (the paging cursor).
 * The URL carries exactly these, with the API's names and value formats.
 */
export interface SearchView {
  query?: string
  status?: Status
  /** User ids, or `unassigned`. The API takes them comma-separated. */
  assignedTo?: string[]
  followers?: string[]
  mentions?: string[]
  contactId?: string
  id?: string
  lastMessageType?: MessageType
  lastMessageDirection?: Direction
  lastMessageAction?: MessageAction
  scoreProfile?: string
  scoreProfileMin?: number
  scoreProfileMax?: number
  sortScoreProfile?: string
  /** `dateAdded` range, epoch milliseconds, inclusive. */
  startDate?: number
  endDate?: number
  sort: SortOrder
  sortBy: SortBy
  limit: number
}

/** A parameter of a view; `src/view/params.ts` declares each one (parser, writer, label…). */
export type ViewParam = keyof SearchView

/** Every query parameter of `GET /conversations/search`: a view's, the pinned location and the paging cursor. */
export type SearchQueryParam = ViewParam | 'locationId' | 'startAfterDate'

/**
 * `true` when `T` has exactly the keys `K`, else `false`: another list of the parameters (the
 * emulator's) assigns `true` to it, so the compiler says when the two drift apart.
 */
export type SameKeys<T, K extends PropertyKey> = [Exclude<keyof T, K>, Exclude<K, keyof T>] extends [never, never] ? true : false

/** The app's defaults: always sent to the API, never written into the URL. */
export const VIEW_DEFAULTS = {
  sort: 'desc',
  sortBy: 'last_message_date',
  limit: 50,
} as const satisfies Pick<SearchView, 'sort' | 'sortBy' | 'limit'>

export const DEFAULT_VIEW: SearchView = { ...VIEW_DEFAULTS }

/** Longer free-text queries are cut to this many characters before they reach the API. */
export const MAX_QUERY_LENGTH = 200

/** The paging cursor: the last item's `sort` array (one value for date sorts, two for score). */
export type SearchCursor = readonly number[]
