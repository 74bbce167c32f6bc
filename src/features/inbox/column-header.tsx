import { FlexRender, type Header, type Table } from '@tanstack/react-table'
import type { KeyboardEvent } from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './column-prefs'
import type { inboxFeatures } from './columns'

const KEY_STEP = 16

interface ColumnHeaderProps {
  table: Table<typeof inboxFeatures, Conversation>
  header: Header<typeof inboxFeatures, Conversation, unknown>
}

/** A column's title, and a handle that resizes it by pointer or by arrow keys. */
export function ColumnHeader({ table, header }: ColumnHeaderProps) {
  const { column } = header
  const size = column.getSize()
  const title = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id
  const resizeBy = (delta: number) =>
    table.setColumnSizing((old) => ({
      ...old,
      [column.id]: Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, size + delta)),
    }))
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = { ArrowLeft: -KEY_STEP, ArrowRight: KEY_STEP }[event.key]
    if (delta !== undefined) {
      event.preventDefault()
      resizeBy(delta)
    } else if (event.key === 'Home') {
      event.preventDefault()
      column.resetSize()
    }
  }
  const resize = header.getResizeHandler()
  return (
    <div
      role="columnheader"
      data-column-id={column.id}
      className={`relative flex min-w-0 items-center px-3 ${column.columnDef.meta?.align === 'center' ? 'justify-center' : ''}`}
    >
      <span className="truncate">
        <FlexRender header={header} />
      </span>
      {column.getCanResize() && (
        // A focusable separator is ARIA's splitter widget, which jsx-a11y does not know.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <div
          role="separator"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-orientation="vertical"
          aria-label={`Resize ${title} column`}
          aria-valuenow={size}
          aria-valuemin={MIN_COLUMN_WIDTH}
          aria-valuemax={MAX_COLUMN_WIDTH}
          title="Drag, or use the arrow keys, to resize; double-click to reset"
          onMouseDown={resize}
          onTouchStart={resize}
          onDoubleClick={() => column.resetSize()}
          onKeyDown={onKeyDown}
          className={`absolute top-1.5 right-0 bottom-1.5 w-1.5 cursor-col-resize touch-none rounded select-none hover:bg-sky-400 focus-visible:bg-sky-500 focus-visible:outline-none ${column.getIsResizing() ? 'bg-sky-500' : 'bg-slate-200 dark:bg-slate-700'}`}
        />
      )}
    </div>
  )
}
