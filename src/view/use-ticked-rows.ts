import { useCallback, useMemo, useState } from 'react'
import * as ticks from './ticked-rows'
import type { TickedRows } from './ticked-rows'

export interface TickedRowsApi {
  state: TickedRows
  any: boolean
  tick: (id: string, ids: readonly string[], range: boolean) => void
  tickLoaded: (ids: readonly string[]) => void
  tickAllInView: () => void
  clear: () => void
}

/**
 * The ticked rows of the view `viewKey` (see `ticked-rows.ts`): the inbox draws the boxes, the
 * bulk actions act on them. A new view drops them, and `state.notice` says so.
 */
export function useTickedRows(viewKey: string): TickedRowsApi {
  const [stored, setStored] = useState(() => ticks.ticksFor(viewKey))
  // Adjusted while rendering, so the new view's first frame has no ticks of the old one.
  const state = ticks.forView(stored, viewKey)
  if (state !== stored) setStored(state)
  const change = useCallback(
    (update: (old: TickedRows) => TickedRows) => setStored((old) => update(ticks.forView(old, viewKey))),
    [viewKey],
  )
  const actions = useMemo(
    () => ({
      tick: (id: string, ids: readonly string[], range: boolean) => change((old) => ticks.tick(old, id, ids, range)),
      tickLoaded: (ids: readonly string[]) => change((old) => ticks.tickLoaded(old, ids)),
      tickAllInView: () => change(ticks.tickAllInView),
      clear: () => change(ticks.clearTicks),
    }),
    [change],
  )
  return useMemo(() => ({ state, any: ticks.hasTicks(state), ...actions }), [state, actions])
}
