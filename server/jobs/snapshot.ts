import { MAX_LIMIT } from '../../src/api/schemas/enums'
import type { SearchView } from '../../src/api/schemas/search-view'
import { toApiParams } from '../../src/api/search-params'
import { firstPageParam, nextPageParam, requestOf, sameSort, type PagedItem, type SearchPageParam } from '../../src/api/search-paging'
import { knownContactName } from '../../src/lib/contact-name.ts'
import type { SnapshotItem } from './model.ts'

/**
 * A whole view's ids, read before anything is changed, paged tie-safe as the list pages
 * (src/api/search-paging.ts, docs/paging.md): every conversation once, whatever the view does
 * meanwhile, because the job changes nothing until the snapshot is whole.
 */

/** One received item: what paging needs of it, and the conversation when it is a valid one. */
export interface SnapshotRow {
  paged: PagedItem
  item: SnapshotItem | undefined
}

export interface SnapshotPage {
  rows: SnapshotRow[]
  total: number | undefined
}

export type FetchPage = (query: URLSearchParams) => Promise<SnapshotPage>

export interface SnapshotResult {
  /** Search requests sent. */
  pages: number
  /** Set when a run of equal sort values was too long to list whole (docs/paging.md). */
  gap: boolean
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function sortOf(item: Record<string, unknown>, sortBy: SearchView['sortBy']): number[] | null {
  const { sort } = item
  if (Array.isArray(sort) && sort.length > 0 && sort.every(finite)) return sort
  const fallback = sortBy === 'last_message_date' ? item.lastMessageDate : sortBy === 'last_manual_message_date' ? item.lastManualMessageDate : null
  return finite(fallback) ? [fallback] : null
}

/** A search answer, read tolerantly: a bad item is left out of the snapshot, not the page. */
export function parseSearchAnswer(json: unknown, sortBy: SearchView['sortBy']): SnapshotPage {
  const body = record(json)
  const raw = Array.isArray(body?.conversations) ? body.conversations : []
  const rows = raw.map((entry): SnapshotRow => {
    const item = record(entry) ?? {}
    const paged = { sort: sortOf(item, sortBy), dateAdded: finite(item.dateAdded) ? item.dateAdded : null }
    return { paged, item: snapshotItemOf(item) }
  })
  return { rows, total: finite(body?.total) ? body.total : undefined }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** The contact's name in a conversation HighLevel sent, worded (and cut) as the list words it. */
export function contactNameOf(item: Record<string, unknown>): string | undefined {
  return knownContactName({ fullName: text(item.fullName), contactName: text(item.contactName), email: text(item.email), phone: text(item.phone) })
}

function snapshotItemOf(item: Record<string, unknown>): SnapshotItem | undefined {
  if (typeof item.id !== 'string' || item.id === '') return undefined
  const snapshot: SnapshotItem = { id: item.id }
  if (typeof item.contactId === 'string' && item.contactId !== '') snapshot.contactId = item.contactId
  const name = contactNameOf(item)
  if (name !== undefined) snapshot.name = name
  if (finite(item.unreadCount)) snapshot.unreadCount = item.unreadCount
  if (typeof item.starred === 'boolean') snapshot.starred = item.starred
  if (typeof item.assignedTo === 'string' && item.assignedTo !== '') snapshot.assignedTo = item.assignedTo
  else if ('assignedTo' in item && (item.assignedTo === null || item.assignedTo === '')) snapshot.assignedTo = null
  return snapshot
}

/**
 * Pages `view` to its end; `onPage` gets each page's conversations not seen before (maybe
 * none), in order, and may persist them before the next page is asked for.
 */
export async function snapshotView(
  view: SearchView,
  fetchPage: FetchPage,
  onPage: (items: SnapshotItem[]) => Promise<void>,
  now: () => number,
): Promise<SnapshotResult> {
  // Full pages: fewer requests for the same ids.
  const paged: SearchView = { ...view, limit: MAX_LIMIT }
  const seen = new Set<string>()
  let param: SearchPageParam | undefined = firstPageParam(paged)
  let pages = 0
  let gap = false
  while (param) {
    const page = await fetchPage(toApiParams(requestOf(paged, param), param.cursor))
    pages += 1
    const tie = param.tie
    const fresh: SnapshotItem[] = []
    for (const { item, paged: sorted } of page.rows) {
      // A tie window's answer runs on past the tie, inside the window only: keep the tie.
      if (!item || (tie && !sameSort(sorted.sort, tie.value)) || seen.has(item.id)) continue
      seen.add(item.id)
      fresh.push(item)
    }
    await onPage(fresh)
    param = nextPageParam(paged, page.rows.map((row) => row.paged), param, now())
    if (param?.gap) gap = true
  }
  return { pages, gap }
}
