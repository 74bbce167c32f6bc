import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_LIMIT } from './schemas/enums'
import type { Conversation } from './schemas/conversation'
import { DEFAULT_VIEW, type SearchCursor, type SearchView } from './schemas/search-view'
import {
  createPageMerger,
  firstPageParam,
  mergePages,
  nextPageParam,
  requestOf,
  sameSort,
  splitWindow,
  stepBack,
  trailingRun,
  type PagedItem,
  type SearchPageParam,
} from './search-paging'

/** A conversation of the model: its sort value and when it was added. */
interface Row {
  id: string
  sort: SearchCursor
  dateAdded: number
}

const NOW = 1_800_000_000_000

function compare(a: SearchCursor, b: SearchCursor): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

/**
 * The API's rule, as documented and as the emulator implements it: sort by value (ties in a
 * fixed hidden order), filter by the `dateAdded` window, return up to `limit` items strictly
 * after the cursor (compared on the cursor's own values only).
 */
function modelApi(rows: readonly Row[], request: SearchView, cursor: SearchCursor | null) {
  const sign = request.sort === 'desc' ? -1 : 1
  const ordered = rows
    .map((row, seq) => ({ row, seq }))
    .sort((a, b) => sign * (compare(a.row.sort, b.row.sort) || a.seq - b.seq))
    .map(({ row }) => row)
  const matching = ordered.filter(
    (row) =>
      (request.startDate === undefined || row.dateAdded >= request.startDate) &&
      (request.endDate === undefined || row.dateAdded <= request.endDate),
  )
  const after = cursor
    ? matching.filter((row) => sign * compare(row.sort.slice(0, cursor.length), cursor) > 0)
    : matching
  if (request.limit > MAX_LIMIT) throw new Error(`limit ${request.limit} is over the cap`)
  return { rows: after.slice(0, request.limit), total: matching.length }
}

function conversationOf(row: Row): Conversation {
  return { id: row.id, contactId: `c-${row.id}`, locationId: 'loc', sort: [...row.sort], dateAdded: row.dateAdded }
}

/** Pages a view to its end the way the app does; returns the merged list and the requests made. */
function pageThrough(rows: readonly Row[], view: SearchView) {
  const pages: { conversations: Conversation[] }[] = []
  const params: SearchPageParam[] = []
  let param: SearchPageParam | undefined = firstPageParam(view)
  while (param) {
    params.push(param)
    if (params.length > 10_000) throw new Error('paging does not end')
    const answer = modelApi(rows, requestOf(view, param), param.cursor)
    const items: PagedItem[] = answer.rows.map((row) => ({ sort: row.sort, dateAdded: row.dateAdded }))
    const tie = param.tie
    const conversations = answer.rows
      .map(conversationOf)
      .filter((conversation) => !tie || sameSort(conversation.sort, tie.value))
    pages.push({ conversations })
    param = nextPageParam(view, items, param, NOW)
  }
  return { merged: mergePages(pages), params }
}

function expectExactlyOnceInOrder(rows: readonly Row[], view: SearchView) {
  const { merged, params } = pageThrough(rows, view)
  const ids = merged.conversations.map((conversation) => conversation.id)
  expect(new Set(ids).size).toBe(ids.length)
  expect([...ids].sort()).toEqual(rows.map((row) => row.id).sort())
  const sign = view.sort === 'desc' ? -1 : 1
  merged.conversations.forEach((conversation, index) => {
    const previous = merged.conversations[index - 1]
    if (previous?.sort && conversation.sort) expect(sign * compare(conversation.sort, previous.sort)).toBeGreaterThanOrEqual(0)
  })
  expect(params.some((param) => param.gap)).toBe(false)
  return { merged, params }
}

/** Rows whose sort values come in runs: `runs[i]` items share value `1000 - i` (desc order). */
function rowsWithRuns(runs: readonly number[], dateAdded = (index: number) => NOW - 1_000_000 + index * 997): Row[] {
  let index = 0
  return runs.flatMap((length, run) =>
    Array.from({ length }, () => {
      const row = { id: `r${index}`, sort: [1_000_000 - run * 1000], dateAdded: dateAdded(index) }
      index++
      return row
    }),
  )
}

describe('stepBack', () => {
  it('moves the cursor just before the value in sort order', () => {
    expect(stepBack([500], 'desc')).toEqual([501])
    expect(stepBack([500], 'asc')).toEqual([499])
    expect(stepBack([7.5, 500], 'desc')).toEqual([7.5, 501])
    expect(stepBack([7.5, 500], 'asc')).toEqual([7.5, 499])
  })
})

describe('trailingRun', () => {
  it('counts the items at the end that share the last sort value, ignoring items with none', () => {
    const items = [[3], [2], [2], [2], null].map((sort) => ({ sort, dateAdded: null }))
    expect(trailingRun(items)).toEqual({ value: [2], run: 3 })
    expect(trailingRun([])).toBeUndefined()
  })
})

describe('nextPageParam', () => {
  const view: SearchView = { ...DEFAULT_VIEW, limit: 4 }
  const item = (value: number): PagedItem => ({ sort: [value], dateAdded: 1 })

  it('ends on a short page', () => {
    expect(nextPageParam(view, [item(9), item(8)], firstPageParam(view))).toBeUndefined()
  })

  it('steps back inside a tie at the boundary and widens by the tie', () => {
    const next = nextPageParam(view, [item(9), item(8), item(7), item(7)], firstPageParam(view))
    expect(next).toEqual({ cursor: [8], limit: 6 })
  })

  it('widens a page that is all one value so that the next one gets past it', () => {
    const next = nextPageParam(view, [item(7), item(7), item(7), item(7)], firstPageParam(view))
    expect(next).toEqual({ cursor: [8], limit: 8 })
  })

  it('walks a tie longer than the cap by dateAdded windows', () => {
    const full = Array.from({ length: MAX_LIMIT }, (_, i): PagedItem => ({ sort: [7], dateAdded: 100 + i }))
    const next = nextPageParam(view, full, { cursor: [8], limit: MAX_LIMIT }, NOW)
    expect(next?.cursor).toEqual([8])
    expect(next?.tie?.value).toEqual([7])
    expect(next?.tie?.window).toEqual([0, 149])
    expect(next?.tie?.pending).toEqual([[150, NOW + 86_400_000]])
  })
})

describe('splitWindow', () => {
  it('splits at the median date seen, and not at all a single millisecond', () => {
    expect(splitWindow([0, 100], [10, 20, 30])).toEqual([
      [0, 20],
      [21, 100],
    ])
    expect(splitWindow([0, 100], [100, 100])).toEqual([
      [0, 99],
      [100, 100],
    ])
    expect(splitWindow([5, 5], [5])).toEqual([])
  })
})

describe('mergePages', () => {
  it('keeps each conversation once, where it was first seen', () => {
    const a = conversationOf({ id: 'a', sort: [3], dateAdded: 0 })
    const b = conversationOf({ id: 'b', sort: [2], dateAdded: 0 })
    const c = conversationOf({ id: 'c', sort: [1], dateAdded: 0 })
    const merged = mergePages([{ conversations: [a, b] }, { conversations: [b, c, a] }])
    expect(merged.conversations.map((conversation) => conversation.id)).toEqual(['a', 'b', 'c'])
    expect(merged.repeats).toBe(2)
  })

  it('reads only the pages added since its last answer, and starts over when the pages are replaced', () => {
    const a = conversationOf({ id: 'a', sort: [3], dateAdded: 0 })
    const b = conversationOf({ id: 'b', sort: [2], dateAdded: 0 })
    const c = conversationOf({ id: 'c', sort: [1], dateAdded: 0 })
    const first = { conversations: [a, b] }
    const second = { conversations: [b, c] }
    const merge = createPageMerger()
    const once = merge([first])
    expect(merge([first])).toBe(once)
    const twice = merge([first, second])
    expect(twice.conversations.map((conversation) => conversation.id)).toEqual(['a', 'b', 'c'])
    expect(twice.repeats).toBe(1)
    // A page object read before is not read again: changing it in place would go unseen.
    first.conversations.push(c)
    expect(merge([first, second, { conversations: [] }]).repeats).toBe(1)
    const replaced = merge([{ conversations: [c] }])
    expect(replaced).toEqual({ conversations: [c], repeats: 0 })
  })
})

describe('paging a static dataset shows every conversation once, in order', () => {
  const cases: [string, number[], number][] = [
    ['no ties', Array(23).fill(1), 5],
    ['a tie across a boundary', [3, 4, 3, 1, 1, 1], 5],
    ['a page that is all one tie', [2, 12, 3], 5],
    ['ties at every boundary', Array(9).fill(5), 5],
    ['a tie as long as the cap', [1, MAX_LIMIT, 1], 50],
    ['a tie longer than the cap', [3, 250, 3], 50],
    ['a tie of thousands', [3, 2500, 7], 50],
    ['a dataset that is one tie', [420], 50],
  ]
  for (const sort of ['desc', 'asc'] as const) {
    for (const [name, runs, limit] of cases) {
      it(`${name} (${sort})`, () => {
        expectExactlyOnceInOrder(rowsWithRuns(runs), { ...DEFAULT_VIEW, sort, limit })
      })
    }
  }

  it('keeps inside a view`s own dateAdded range while walking a long tie', () => {
    const rows = rowsWithRuns([2, 300, 2])
    const view: SearchView = { ...DEFAULT_VIEW, startDate: rows[50]?.dateAdded, endDate: rows[280]?.dateAdded }
    const inRange = rows.filter((row) => row.dateAdded >= (view.startDate ?? 0) && row.dateAdded <= (view.endDate ?? 0))
    const { params } = pageThrough(inRange, view)
    for (const param of params) {
      const request = requestOf(view, param)
      expect(request.startDate).toBeGreaterThanOrEqual(view.startDate ?? 0)
      expect(request.endDate).toBeLessThanOrEqual(view.endDate ?? 0)
    }
    expectExactlyOnceInOrder(inRange, view)
  })

  it('walks two-value (score, date) sort values', () => {
    const rows: Row[] = Array.from({ length: 400 }, (_, i) => ({
      id: `s${i}`,
      sort: [i % 3, 1_000 + Math.floor(i / 160)],
      dateAdded: NOW - i * 1000,
    }))
    expectExactlyOnceInOrder(rows, { ...DEFAULT_VIEW, sortBy: 'score_profile', limit: 20 })
    expectExactlyOnceInOrder(rows, { ...DEFAULT_VIEW, sortBy: 'score_profile', sort: 'asc', limit: 20 })
  })

  it('flags the one case it cannot list: more than the cap sharing a value and a dateAdded', () => {
    const rows = rowsWithRuns([1, 150, 1], () => NOW - 5)
    const { merged, params } = pageThrough(rows, { ...DEFAULT_VIEW })
    expect(params.some((param) => param.gap)).toBe(true)
    expect(new Set(merged.conversations.map((conversation) => conversation.id)).size).toBe(merged.conversations.length)
    expect(merged.conversations.at(-1)?.id).toBe('r151')
  })

  it('holds for any runs, page size and direction', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 130 }), { minLength: 0, maxLength: 12 }),
        fc.integer({ min: 1, max: MAX_LIMIT }),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 5000 }),
        (runs, limit, sort, spacing) => {
          const rows = rowsWithRuns(runs, (index) => NOW - 10_000_000 + ((index * 7919) % 1009) * spacing)
          expectExactlyOnceInOrder(rows, { ...DEFAULT_VIEW, sort, limit })
        },
      ),
      { numRuns: 150 },
    )
  })
})
