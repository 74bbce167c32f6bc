import { createContext, use } from 'react'

/** What the app knows of a row beyond HighLevel's fields: a reply draft kept in this browser. */
export interface RowMarks {
  drafts: ReadonlySet<string>
}

export const NO_ROW_MARKS: RowMarks = { drafts: new Set() }

/** Given by the inbox to its cells, so a new mark does not re-render rows whose marks did not change. */
export const RowMarksContext = createContext<RowMarks>(NO_ROW_MARKS)

/** The marks shown beside a contact's name. */
export function RowMarkBadges({ conversationId }: { conversationId: string }) {
  const { drafts } = use(RowMarksContext)
  if (!drafts.has(conversationId)) return null
  return (
    <span className="shrink-0 rounded bg-amber-100 px-1.5 py-px text-[0.7rem] font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
      Draft
    </span>
  )
}
