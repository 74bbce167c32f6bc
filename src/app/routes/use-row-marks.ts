import { useMemo, useSyncExternalStore } from 'react'
import type { RowMarks } from '../../features/inbox/row-marks'
import { useDraftIds } from '../../features/reply/use-drafts'
import { teamPresence } from '../../lib/presence-store'

/** What the inbox marks on its rows, gathered from the features that know it. */
export function useRowMarks(): RowMarks {
  const drafts = useDraftIds()
  const present = useSyncExternalStore(teamPresence.subscribe, teamPresence.get)
  return useMemo(() => ({ drafts, present }), [drafts, present])
}
