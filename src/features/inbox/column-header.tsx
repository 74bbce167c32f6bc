import { FlexRender, type Header } from '@tanstack/react-table'
import type { Conversation } from '../../api/schemas/conversation'
import { columnTitle, type inboxFeatures } from './columns'

interface ColumnHeaderProps {
  header: Header<typeof inboxFeatures, Conversation, unknown>
}

/**
 * A column's title, and a handle that resizes it with the pointer. The handle is no tab stop:
 * the grid keeps one, and the keyboard resizes columns from the "Columns" menu.
 */
export function ColumnHeader({ header }: ColumnHeaderProps) {
  const { column } = header
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
        // Pointer only, so hidden from assistive technology: the menu's width sliders are its twin.
        <div
          aria-hidden="true"
          data-resize-handle={column.id}
          title={`Drag to resize the ${columnTitle(column)} column; double-click to reset`}
          onMouseDown={resize}
          onTouchStart={resize}
          onDoubleClick={() => column.resetSize()}
          className={`absolute top-1.5 right-0 bottom-1.5 w-1.5 cursor-col-resize touch-none rounded select-none hover:bg-sky-400 ${column.getIsResizing() ? 'bg-sky-500' : 'bg-slate-200 dark:bg-slate-700'}`}
        />
      )}
    </div>
  )
}
