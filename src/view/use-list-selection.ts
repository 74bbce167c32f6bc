import { useCallback, useMemo, useState } from 'react'
import { NO_SELECTION, withCurrent, type ListSelection } from './selection'

export interface ListSelectionApi {
  selection: ListSelection
  setCurrent: (id: string | undefined) => void
  /** Any change of `selection.ts` (`toggleTicked`, `tickRange`, `clearTicked`…) applied to the selection. */
  update: (change: (selection: ListSelection) => ListSelection) => void
}

/** One list's selection (see `selection.ts`), kept by id for as long as the list is shown. */
export function useListSelection(): ListSelectionApi {
  const [selection, update] = useState<ListSelection>(NO_SELECTION)
  const setCurrent = useCallback((id: string | undefined) => update((old) => withCurrent(old, id)), [])
  return useMemo(() => ({ selection, setCurrent, update }), [selection, setCurrent])
}
