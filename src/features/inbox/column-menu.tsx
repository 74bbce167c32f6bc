import type { Table } from '@tanstack/react-table'
import { useEffect, useId, useRef, useState } from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './column-prefs'
import { columnTitle, type inboxFeatures } from './columns'

/** A width slider's arrow-key step, in px. */
const WIDTH_STEP = 16

interface ColumnMenuProps {
  table: Table<typeof inboxFeatures, Conversation>
  /** Every column shown again, at its default width. */
  onReset: () => void
}

/**
 * The "Columns" menu at the end of the grid header: show or hide columns, set their widths (the
 * keyboard's way to resize; the header's handles are the pointer's), reset both.
 */
export function ColumnMenu({ table, onReset }: ColumnMenuProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.stopPropagation()
      setOpen(false)
      buttonRef.current?.focus()
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown, true)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown, true)
    }
  }, [open])

  return (
    <div ref={rootRef} role="columnheader" className="relative flex items-center justify-center normal-case">
      <button
        ref={buttonRef}
        type="button"
        aria-label="Columns"
        title="Columns"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="grid size-7 place-items-center rounded text-base text-slate-500 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">⋮</span>
      </button>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label="Columns"
          className="absolute top-full right-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-2 text-sm font-normal tracking-normal text-slate-700 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
        >
          <ul className="space-y-1">
            {table.getAllLeafColumns().map((column) => {
              const title = columnTitle(column)
              return (
                <li key={column.id} className="flex items-center gap-2">
                  <label className="flex min-w-0 flex-1 items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50 dark:hover:bg-slate-800">
                    <input
                      type="checkbox"
                      checked={column.getIsVisible()}
                      disabled={!column.getCanHide()}
                      onChange={(event) => column.toggleVisibility(event.target.checked)}
                    />
                    <span className="truncate">{title}</span>
                  </label>
                  {column.getCanResize() && (
                    <input
                      type="range"
                      aria-label={`${title} width`}
                      aria-valuetext={`${column.getSize()} pixels`}
                      min={MIN_COLUMN_WIDTH}
                      max={MAX_COLUMN_WIDTH}
                      step={WIDTH_STEP}
                      value={column.getSize()}
                      disabled={!column.getIsVisible()}
                      onChange={(event) => table.setColumnSizing((old) => ({ ...old, [column.id]: Number(event.target.value) }))}
                      className="w-24 accent-indigo-600"
                    />
                  )}
                </li>
              )
            })}
          </ul>
          <button
            type="button"
            onClick={onReset}
            className="mt-2 w-full rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Reset columns
          </button>
        </div>
      )}
    </div>
  )
}
