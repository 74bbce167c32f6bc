import { useMemo, useSyncExternalStore } from 'react'
import type { RowMarks } from '../../features/inbox/row-marks'
import { useDraftIds } from '../../features/reply/use-drafts'
import { teamPresence } from '../../lib/presence-store'

// The server knows no tab's presence: the first render has none (the push channel brings it).
const noOneElse = (): readonly [] => NO_ONE
const NO_ONE = [] as const

/** What the inbox marks on its rows, gathered from the features that know it. */
export function useRowMarks(): RowMarks {
  const drafts = useDraftIds()
  const present = useSyncExternalStore(teamPresence.subscribe, teamPresence.get, noOneElse)
  return useMemo(() => ({ drafts, present }), [drafts, present])
}
