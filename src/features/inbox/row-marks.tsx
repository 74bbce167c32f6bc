import { createContext, use } from 'react'
import { presenceText } from '../../lib/presence-store'
import type { PresenceEntry } from '../../lib/push-events'

/** What the app knows of a row beyond HighLevel's fields: a reply draft kept in this browser, teammates on it. */
export interface RowMarks {
  drafts: ReadonlySet<string>
  present: readonly PresenceEntry[]
}

export const NO_ROW_MARKS: RowMarks = { drafts: new Set(), present: [] }

/** Given by the inbox to its cells, so a new mark does not re-render rows whose marks did not change. */
export const RowMarksContext = createContext<RowMarks>(NO_ROW_MARKS)

/** The marks shown beside a contact's name. */
export function RowMarkBadges({ conversationId }: { conversationId: string }) {
  const { drafts, present } = use(RowMarksContext)
  const team = presenceText(present, conversationId)
  return (
    <>
      {drafts.has(conversationId) && (
        <span className="shrink-0 rounded bg-amber-100 px-1.5 py-px text-[0.7rem] font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
          Draft
        </span>
      )}
      {team && (
        <span className="shrink-0 clip-text rounded bg-violet-100 px-1.5 py-px text-[0.7rem] font-medium text-violet-900 dark:bg-violet-900/50 dark:text-violet-100">
          {team}
        </span>
      )}
    </>
  )
}
