import { FlexRender, type Row } from '@tanstack/react-table'
import { memo } from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import type { ConversationActionsApi } from '../../components/actions/use-conversation-actions'
import type { inboxFeatures } from './columns'
import { RowTickBox } from './tick-boxes'
import { ConversationCard } from './conversation-card'
import { RowActions } from './row-actions'

interface ConversationRowProps {
  row: Row<typeof inboxFeatures, Conversation>
  index: number
  /**
   * Pixels from the top of the row group. Each row keeps its own place: rows moved within a
   * block that flows would all be repainted whenever one joins or leaves it.
   */
  top: number
  height: number
  /** The CSS grid template of the visible columns, shared with the header. */
  template: string
  active: boolean
  /** Undefined when the inbox has no notion of an open conversation. */
  selected: boolean | undefined
  actions: ConversationActionsApi
  /** Its action buttons are drawn: it is current, under the pointer, or on a touch screen. */
  showActions: boolean
  /** Phone width: a two-line card instead of the columns. */
  phone: boolean
}

/**
 * One conversation. Memoised on the conversation object itself: the table rebuilds its row
 * objects when a page arrives, but a row whose conversation did not change does not re-render.
 */
export const ConversationRow = memo(
  function ConversationRow({ row, index, top, height, template, active, selected, actions, showActions, phone }: ConversationRowProps) {
    const unread = (row.original.unreadCount ?? 0) > 0
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        data-index={index}
        data-conversation-id={row.id}
        tabIndex={active ? 0 : -1}
        className={[
          'absolute left-0 w-full cursor-pointer items-center border-b text-sm outline-none',
          phone ? 'flex' : 'grid',
          'border-slate-100 dark:border-slate-800/80',
          'focus-visible:z-[1] focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500',
          selected
            ? 'bg-sky-50 dark:bg-sky-950/50'
            : unread
              ? 'bg-white hover:bg-slate-50 dark:bg-slate-950 dark:hover:bg-slate-900'
              : 'bg-slate-50/40 hover:bg-slate-50 dark:bg-slate-950 dark:hover:bg-slate-900',
        ].join(' ')}
        style={{ height, transform: `translateY(${top}px)`, gridTemplateColumns: phone ? undefined : template }}
      >
        <RowTickBox conversation={row.original} />
        {/* Each column's cell component draws its grid cell itself: no wrapper per cell. */}
        {phone ? (
          <ConversationCard conversation={row.original} />
        ) : (
          row.getVisibleCells().map((cell) => <FlexRender key={cell.id} cell={cell} />)
        )}
        {showActions && <RowActions conversation={row.original} actions={actions} active={active} />}
      </div>
    )
  },
  (previous, next) =>
    previous.row.original === next.row.original &&
    previous.index === next.index &&
    previous.top === next.top &&
    previous.height === next.height &&
    previous.template === next.template &&
    previous.active === next.active &&
    previous.selected === next.selected &&
    previous.actions === next.actions &&
    previous.showActions === next.showActions &&
    previous.phone === next.phone,
)
