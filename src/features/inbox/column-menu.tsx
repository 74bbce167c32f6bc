import type { Table } from '@tanstack/react-table'
import { useEffect, useId, useRef, useState } from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './column-prefs'
import { columnTitle, type inboxFeatures } from './columns'

/** A width slider's arrow-key step, in px. */
const WIDTH_STEP = 16
const ARROW_STEPS: Record<string, number> = { ArrowRight: WIDTH_STEP, ArrowUp: WIDTH_STEP, ArrowLeft: -WIDTH_STEP, ArrowDown: -WIDTH_STEP }

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
                    <WidthSlider
                      title={title}
                      width={column.getSize()}
                      disabled={!column.getIsVisible()}
                      onChange={(width) => table.setColumnSizing((old) => ({ ...old, [column.id]: width }))}
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

interface WidthSliderProps {
  title: string
  width: number
  disabled: boolean
  onChange: (width: number) => void
}

/**
 * A column's width in px. Any width is a value (a dragged handle leaves any), so the slider's
 * own step is 1 and the arrow keys move by `WIDTH_STEP` from wherever it is.
 */
function WidthSlider({ title, width, disabled, onChange }: WidthSliderProps) {
  const clamp = (value: number) => Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, value))
  return (
    <input
      type="range"
      aria-label={`${title} width`}
      aria-valuetext={`${width} pixels`}
      min={MIN_COLUMN_WIDTH}
      max={MAX_COLUMN_WIDTH}
      step={1}
      value={width}
      disabled={disabled}
      onChange={(event) => onChange(clamp(Number(event.target.value)))}
      onKeyDown={(event) => {
        const step = ARROW_STEPS[event.key]
        if (step === undefined) return
        event.preventDefault()
        onChange(clamp(width + step))
      }}
      className="w-24 accent-indigo-600"
    />
  )
}
