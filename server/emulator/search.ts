import { FieldIndexes } from './field-index'
import { indexedFilters, predicateOf, type IndexedFilter } from './filters'
import type { ConversationRow } from './model'
import type { SearchParams } from './search-params'
import type { SortIndex } from './sort-index'
import type { LocationStore } from './store'


export interface SearchPage {
  rows: ConversationRow[]
  sortValues: number[][]
  total: number
}

/** Up to this many matches, a page is picked from the matches; beyond, by walking the sort order. */
const FEW_MATCHES = 4096

/**
 * One search: `total` counts every match (over the smallest inverted-index candidate list when an
 * equality filter allows, else over all rows); the page holds the first `limit` matches strictly
 * after the cursor in sort order. Nothing is ever sorted beyond a few thousand matches.
 */
export function searchConversations(
  store: LocationStore,
  params: SearchParams,
  now: number,
  /** Tests lower it to check that both ways of picking a page agree. */
  fewMatches = FEW_MATCHES,
): SearchPage {
  const profileId = params.sortScoreProfile ?? params.scoreProfile ?? store.defaultScoreProfileId
  const index = store.index(params.sortBy, profileId)
  const predicate = predicateOf(params, now, store.defaultScoreProfileId)
  const rows = store.rows
  if (predicate === undefined) return pageOf(walk(index, params, undefined), rows.length, index)

  // Candidates come from the most selective equality filter; the other single-valued equality
  // filters are checked on typed columns, and only what no index answers on the rows themselves.
  const filters = indexedFilters(params)
  let chosen: IndexedFilter | undefined
  let candidates: readonly number[] = []
  for (const filter of filters) {
    const list = store.fields.candidates(filter.field, filter.values)
    if (chosen === undefined || list.length < candidates.length) {
      chosen = filter
      candidates = list
    }
  }
  const matches: ConversationRow[] = []
  let total = 0
  if (chosen === undefined) {
    for (const row of rows) {
      if (!predicate(row)) continue
      total++
      if (total <= fewMatches) matches.push(row)
    }
  } else {
    const columnar = filters.filter((filter) => filter !== chosen && FieldIndexes.isSingleValued(filter.field))
    const checks = columnar.flatMap((filter) => store.fields.matcher(filter.field, filter.values) ?? [])
    const answered = [chosen, ...columnar].map((filter) => filter.rest)
    const rest = predicateOf(Object.assign({}, params, ...answered), now, store.defaultScoreProfileId)
    for (const seq of candidates) {
      if (!checks.every((check) => check(seq))) continue
      const row = rows[seq] as ConversationRow
      if (rest !== undefined && !rest(row)) continue
      total++
      if (total <= fewMatches) matches.push(row)
    }
  }

  if (total > fewMatches) return pageOf(walk(index, params, predicate), total, index)
  const sign = params.sort === 'asc' ? 1 : -1
  const cursor = params.startAfterDate
  const after = cursor === undefined ? matches : matches.filter((row) => sign * index.compareToCursor(row, cursor) > 0)
  after.sort((a, b) => sign * index.compareRows(a, b))
  return pageOf(after.slice(0, params.limit), total, index)
}

/** The first `limit` rows (matching `predicate`) strictly after the cursor, in sort order. */
function walk(index: SortIndex, params: SearchParams, predicate: ((row: ConversationRow) => boolean) | undefined): ConversationRow[] {
  const size = index.order.length
  const descending = params.sort === 'desc'
  const cursor = params.startAfterDate
  // Steps count from the first item of the sort; the rows strictly after the cursor begin at `start`.
  let start = 0
  if (cursor !== undefined) start = descending ? size - index.boundary(cursor, true) : index.boundary(cursor, false)
  const page: ConversationRow[] = []
  for (let step = start; step < size && page.length < params.limit; step++) {
    const row = index.rowAt(descending ? size - 1 - step : step)
    if (predicate === undefined || predicate(row)) page.push(row)
  }
  return page
}

function pageOf(rows: ConversationRow[], total: number, index: SortIndex): SearchPage {
  return { rows, sortValues: rows.map((row) => index.sortValue(row)), total }
}
