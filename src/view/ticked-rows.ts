import { clearTicked, NO_SELECTION, tickRange, toggleTicked, type ListSelection } from './selection'

/**
 * The rows bulk actions act on: some ticked rows (the selection model's `ticked` and `anchor`),
 * or the whole view ("Select all N conversations in this view"). Kept for one view: a new view
 * drops them, and says so. Pure functions; `useTickedRows` holds one.
 */
export interface TickedRows {
  /** Which view they belong to (the list's query key, hashed). */
  viewKey: string
  selection: ListSelection
  allInView: boolean
  /** Said once when a view change dropped ticked rows. */
  notice: string | undefined
}

export const DROPPED_NOTICE = 'Selection cleared: the view changed'

export function ticksFor(viewKey: string): TickedRows {
  return { viewKey, selection: NO_SELECTION, allInView: false, notice: undefined }
}

/** The ticks for `viewKey`: the same when the view is unchanged, else none, with the word why. */
export function forView(state: TickedRows, viewKey: string): TickedRows {
  if (state.viewKey === viewKey) return state
  const had = state.allInView || state.selection.ticked.size > 0
  return { ...ticksFor(viewKey), notice: had ? DROPPED_NOTICE : undefined }
}

/** A click on a row's box (or `x`): with `range` (Shift), every row from the anchor to it. */
export function tick(state: TickedRows, id: string, ids: readonly string[], range: boolean): TickedRows {
  const selection = range ? tickRange(state.selection, ids, id) : toggleTicked(state.selection, id)
  // Unticking a row of "the whole view" leaves the loaded rows ticked but that one.
  const base = state.allInView ? { ...selection, ticked: withAll(selection.ticked, ids, id) } : selection
  return { ...state, selection: base, allInView: false, notice: undefined }
}

function withAll(ticked: ReadonlySet<string>, ids: readonly string[], untick: string): ReadonlySet<string> {
  const all = new Set([...ids, ...ticked])
  all.delete(untick)
  return all
}

export type HeaderBox = 'none' | 'some' | 'all'

/** The header box over the loaded rows: ticked when every loaded row is, indeterminate when some. */
export function headerBox(state: TickedRows, ids: readonly string[]): HeaderBox {
  if (state.allInView) return ids.length > 0 ? 'all' : 'none'
  const count = ids.filter((id) => state.selection.ticked.has(id)).length
  return count === 0 ? 'none' : count === ids.length ? 'all' : 'some'
}

/** The header box clicked: ticks every loaded row, or (when all are) none. */
export function tickLoaded(state: TickedRows, ids: readonly string[]): TickedRows {
  if (headerBox(state, ids) === 'all') return clearTicks(state)
  const ticked = new Set([...state.selection.ticked, ...ids])
  return { ...state, selection: { ...state.selection, ticked }, notice: undefined }
}

export function tickAllInView(state: TickedRows): TickedRows {
  return { ...state, allInView: true, notice: undefined }
}

export function clearTicks(state: TickedRows): TickedRows {
  return { ...state, selection: clearTicked(state.selection), allInView: false }
}

export function hasTicks(state: TickedRows): boolean {
  return state.allInView || state.selection.ticked.size > 0
}
