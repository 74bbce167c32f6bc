import { MAX_LIMIT } from './schemas/enums'
import type { Conversation } from './schemas/conversation'
import type { SearchCursor, SearchView } from './schemas/search-view'

/**
 * Paging `GET /conversations/search` without skipping or repeating a conversation.
 * The API returns items strictly after the cursor and gives no tie-breaker, so a run of equal
 * sort values cut by a page boundary would lose its tail. See docs/paging.md.
 */

/** A `dateAdded` window, epoch ms, inclusive at both ends (the API's `startDate`/`endDate`). */
export type DateWindow = readonly [from: number, to: number]

/** Walking a run of equal sort values longer than one page, window by window of `dateAdded`. */
export interface TieWalk {
  value: SearchCursor
  window: DateWindow
  /** Windows still to visit after this one, in order. */
  pending: readonly DateWindow[]
}

export interface SearchPageParam {
  cursor: SearchCursor | null
  limit: number
  tie?: TieWalk
  /** Set when a run of equal values could not be listed whole (see docs/paging.md). */
  gap?: true
}

/** What paging needs of one received item, valid or not. */
export interface PagedItem {
  sort: SearchCursor | null
  dateAdded: number | null
}

const DAY_MS = 86_400_000

export function firstPageParam(view: SearchView): SearchPageParam {
  return { cursor: null, limit: view.limit }
}

/** The parameters to send: the view, narrowed to the window of a tie walk. */
export function requestOf(view: SearchView, param: SearchPageParam): SearchView {
  if (!param.tie) return { ...view, limit: param.limit }
  const [from, to] = param.tie.window
  return { ...view, limit: param.limit, startDate: from, endDate: to }
}

export function sameSort(a: SearchCursor | null | undefined, b: SearchCursor | null | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false
  return a.every((value, index) => value === b[index])
}

/**
 * A cursor just before `value` in sort order, so that a page asked with it starts at the first
 * item equal to `value`. Sort values are whole milliseconds; score sorts step the date, their
 * second value (both sort in the view's direction).
 */
export function stepBack(value: SearchCursor, sort: SearchView['sort']): SearchCursor {
  const last = value.length - 1
  return value.map((part, index) => (index === last ? part + (sort === 'desc' ? 1 : -1) : part))
}

/** The last sort value of an answer and how many items at its end share it. */
export function trailingRun(items: readonly PagedItem[]): { value: SearchCursor; run: number } | undefined {
  let end = items.length - 1
  while (end >= 0 && !items[end]?.sort) end--
  const value = items[end]?.sort
  if (!value) return undefined
  let start = end
  while (start > 0 && sameSort(items[start - 1]?.sort, value)) start--
  return { value, run: end - start + 1 }
}

/** The `dateAdded` of the items in a run of equal sort values: where to split its window. */
function datesAddedIn(items: readonly PagedItem[], value: SearchCursor): number[] {
  return items.flatMap((item) => (item.dateAdded !== null && sameSort(item.sort, value) ? [item.dateAdded] : []))
}

/**
 * The page after the one that answered `param` with `items`, or undefined at the end. `now`
 * bounds the first tie window when the view has no `endDate`.
 */
export function nextPageParam(
  view: SearchView,
  items: readonly PagedItem[],
  param: SearchPageParam,
  now: number = Date.now(),
): SearchPageParam | undefined {
  const next = param.tie ? nextInTie(view, items, param.tie) : nextAfter(view, items, param, now)
  // Never ask the same thing twice: that would loop on an answer we cannot read past.
  if (next && sameParam(next, param)) return undefined
  return next
}

function nextAfter(view: SearchView, items: readonly PagedItem[], param: SearchPageParam, now: number) {
  if (items.length < param.limit) return undefined
  const tail = trailingRun(items)
  if (!tail) return undefined
  const cursor = stepBack(tail.value, view.sort)
  // Ask again for the run we have partly seen (its repeats are dropped by id), plus a full page.
  if (tail.run < MAX_LIMIT) return { cursor, limit: Math.min(MAX_LIMIT, tail.run + view.limit) }
  const from = view.startDate ?? 0
  const to = view.endDate ?? now + DAY_MS
  const [first, ...pending] = splitWindow([from, to], datesAddedIn(items, tail.value))
  if (!first) return { cursor: tail.value, limit: view.limit, gap: true as const }
  return { cursor, limit: MAX_LIMIT, tie: { value: tail.value, window: first, pending } }
}

function nextInTie(view: SearchView, items: readonly PagedItem[], tie: TieWalk): SearchPageParam | undefined {
  const cursor = stepBack(tie.value, view.sort)
  // The run comes first in the answer: it is whole in this window unless the answer is all run.
  const overfull = items.length >= MAX_LIMIT && items.every((item) => sameSort(item.sort, tie.value))
  let gap = false
  if (overfull) {
    const halves = splitWindow(tie.window, datesAddedIn(items, tie.value))
    const [first, ...rest] = halves
    if (first) return { cursor, limit: MAX_LIMIT, tie: { ...tie, window: first, pending: [...rest, ...tie.pending] } }
    gap = true
  }
  const [window, ...pending] = tie.pending
  const gapFlag = gap ? { gap: true as const } : {}
  // The whole run is listed: carry on strictly after it.
  if (!window) return { cursor: tie.value, limit: view.limit, ...gapFlag }
  return { cursor, limit: MAX_LIMIT, tie: { ...tie, window, pending }, ...gapFlag }
}

/**
 * Two windows covering `window`, split at the median `dateAdded` seen in it (so each half holds
 * about half the run), or none when the window is a single millisecond.
 */
export function splitWindow(window: DateWindow, datesAdded: readonly number[]): DateWindow[] {
  const [from, to] = window
  if (from >= to) return []
  const inside = datesAdded.filter((date) => date >= from && date <= to).sort((a, b) => a - b)
  const median = inside[Math.floor((inside.length - 1) / 2)] ?? Math.floor(from + (to - from) / 2)
  const split = Math.min(Math.max(median, from), to - 1)
  return [
    [from, split],
    [split + 1, to],
  ]
}

function sameParam(a: SearchPageParam, b: SearchPageParam): boolean {
  return (
    a.limit === b.limit &&
    sameCursor(a.cursor, b.cursor) &&
    a.tie?.window[0] === b.tie?.window[0] &&
    a.tie?.window[1] === b.tie?.window[1]
  )
}

function sameCursor(a: SearchCursor | null, b: SearchCursor | null): boolean {
  return a === b || sameSort(a, b)
}

export interface MergedPages {
  conversations: Conversation[]
  /** Repeats dropped: items asked for again inside a tie, or conversations that moved. */
  repeats: number
}

type MergeablePage = { conversations: readonly Conversation[] }

/** All pages as one list, each conversation once, where it was first seen. */
export function mergePages(pages: readonly MergeablePage[]): MergedPages {
  return createPageMerger()(pages)
}

/**
 * `mergePages` that remembers its last answer: when the pages given extend the previous ones
 * (the usual case, a next page arrived), only the new pages are read, so a list of hundreds of
 * pages is not re-merged from the start on every page.
 */
export function createPageMerger(): (pages: readonly MergeablePage[]) => MergedPages {
  let merged: readonly MergeablePage[] = []
  let seen = new Set<string>()
  let result: MergedPages = { conversations: [], repeats: 0 }
  return (pages) => {
    const continues = pages.length >= merged.length && merged.every((page, index) => pages[index] === page)
    if (!continues) {
      merged = []
      seen = new Set()
      result = { conversations: [], repeats: 0 }
    }
    if (pages.length === merged.length) return result
    const added: Conversation[] = []
    let repeats = result.repeats
    for (const page of pages.slice(merged.length)) {
      for (const conversation of page.conversations) {
        if (seen.has(conversation.id)) {
          repeats++
          continue
        }
        seen.add(conversation.id)
        added.push(conversation)
      }
    }
    merged = pages
    result = { conversations: result.conversations.concat(added), repeats }
    return result
  }
}
