import { useMemo } from 'react'
import type { RowMarks } from '../../features/inbox/row-marks'
import { useDraftIds } from '../../features/reply/use-drafts'

/** What the inbox marks on its rows, gathered from the features that know it. */
export function useRowMarks(): RowMarks {
  const drafts = useDraftIds()
  return useMemo(() => ({ drafts }), [drafts])
}
