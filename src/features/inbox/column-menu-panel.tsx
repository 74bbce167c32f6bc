import type { Table } from '@tanstack/react-table'
import type { Conversation } from '../../api/schemas/conversation'
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './column-prefs'
import { columnTitle, type inboxFeatures } from './columns'

/** A width slider's arrow-key step, in px. */
const WIDTH_STEP = 16
const ARROW_STEPS: Record<string, number> = { ArrowRight: WIDTH_STEP, ArrowUp: WIDTH_STEP, ArrowLeft: -WIDTH_STEP, ArrowDown: -WIDTH_STEP }

interface ColumnMenuPanelProps {
  id: string
  className: string
  table: Table<typeof inboxFeatures, Conversation>
  onReset: () => void
}

/** The open "Columns" menu: a box and a width per column, and "Reset columns". */
export function ColumnMenuPanel({ id, className, table, onReset }: ColumnMenuPanelProps) {
  return (
    <div
      id={id}
      role="group"
      aria-label="Columns"
      className={className}
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
