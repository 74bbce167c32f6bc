/**
 * The list's selection, by conversation id (rows keep their ids across refetches and live
 * refreshes; indexes do not): the current row, which `j`/`k` move and single-row actions act
 * on, and the ticked rows that bulk actions act on. Pure functions; `useListSelection` holds one.
 */
export interface ListSelection {
  /** The current row; undefined until one is chosen. */
  current: string | undefined
  ticked: ReadonlySet<string>
  /** Where a range (shift-click) starts: the row last ticked or unticked. */
  anchor: string | undefined
}

export const NO_SELECTION: ListSelection = { current: undefined, ticked: new Set(), anchor: undefined }

/**
 * The id `j`/`k` select from the ids in list order: one step from `current`, stopping at
 * either end; with nothing selected yet (or a row that left the list), the first one.
 */
export function stepSelection(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined
  const index = current === undefined ? -1 : ids.indexOf(current)
  if (index < 0) return ids[0]
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))]
}

export function withCurrent(selection: ListSelection, current: string | undefined): ListSelection {
  return selection.current === current ? selection : { ...selection, current }
}

/** Ticks a row, or unticks it when ticked; it becomes the anchor of the next range. */
export function toggleTicked(selection: ListSelection, id: string): ListSelection {
  const ticked = new Set(selection.ticked)
  if (!ticked.delete(id)) ticked.add(id)
  return { ...selection, ticked, anchor: id }
}

/**
 * Shift-click: every row from the anchor to `id`, both included, takes the anchor's state
 * (ticked, unless the anchor was just unticked). Without an anchor in the list, ticks `id` alone.
 */
export function tickRange(selection: ListSelection, ids: readonly string[], id: string): ListSelection {
  const from = selection.anchor === undefined ? -1 : ids.indexOf(selection.anchor)
  const to = ids.indexOf(id)
  if (to < 0) return selection
  if (from < 0) return toggleTicked(selection, id)
  const tick = selection.anchor === undefined || selection.ticked.has(selection.anchor)
  const ticked = new Set(selection.ticked)
  for (const rangeId of ids.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (tick) ticked.add(rangeId)
    else ticked.delete(rangeId)
  }
  return { ...selection, ticked, anchor: id }
}

export function clearTicked(selection: ListSelection): ListSelection {
  return selection.ticked.size === 0 ? selection : { ...selection, ticked: new Set(), anchor: undefined }
}
