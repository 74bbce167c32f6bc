import type { Table } from '@tanstack/react-table'
import { useEffect, useId, useRef, useState } from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import { lazyPart } from '../../components/ui/lazy-part'
import { LoadBoundary } from '../../components/ui/load-boundary'
import type { inboxFeatures } from './columns'

// The open menu's code loads when the pointer or focus reaches the button.
const ColumnMenuPanel = lazyPart(() => import('./column-menu-panel').then(({ ColumnMenuPanel }) => ColumnMenuPanel))

const panelClass =
  'absolute top-full right-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-2 text-sm font-normal tracking-normal text-slate-700 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200'

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
        onPointerEnter={ColumnMenuPanel.preload}
        onFocus={ColumnMenuPanel.preload}
        className="grid size-7 place-items-center rounded text-base text-slate-500 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">⋮</span>
      </button>
      {open && (
        <LoadBoundary
          what="the column settings"
          fallback={
            <div id={panelId} role="status" className={panelClass}>
              Loading…
            </div>
          }
        >
          <ColumnMenuPanel id={panelId} className={panelClass} table={table} onReset={onReset} />
        </LoadBoundary>
      )}
    </div>
  )
}
