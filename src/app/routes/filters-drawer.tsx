import { useEffect, useRef, type ReactNode } from 'react'
import { Icon, ICONS } from '../../components/ui/icon'
import { quietButtonClass } from '../../components/ui/styles'
import { useEscapeLayer } from '../../lib/escape-layers'

interface FiltersDrawerProps {
  open: boolean
  onClose: () => void
  children: ReactNode
}

/** The filter sidebar: a column on wide screens, a drawer over the inbox on narrow ones. */
export function FiltersDrawer({ open, onClose, children }: FiltersDrawerProps) {
  const closeRef = useRef<HTMLButtonElement>(null)

  useEscapeLayer(open, onClose)
  // Focus moves into the drawer as it opens, and back to what opened it (the Filters button) as it closes.
  useEffect(() => {
    if (!open) return
    const opener = document.activeElement
    closeRef.current?.focus()
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [open])

  return (
    <>
      {open && (
        <button
          type="button"
          aria-label="Close filters"
          tabIndex={-1}
          onClick={onClose}
          className="fixed inset-0 z-30 bg-slate-950/40 lg:hidden"
        />
      )}
      <aside
        id="filters"
        aria-label="Filters"
        className={`${open ? 'fixed inset-y-0 left-0 z-40 flex shadow-xl' : 'hidden'} w-80 max-w-[85vw] shrink-0 flex-col overflow-y-auto border-r border-slate-200 bg-white lg:static lg:z-auto lg:flex lg:w-80 lg:shadow-none dark:border-slate-800 dark:bg-slate-950`}
      >
        <div className="flex items-center justify-between px-4 pt-3 lg:hidden">
          <span className="text-sm font-semibold">Filters</span>
          <button ref={closeRef} type="button" onClick={onClose} aria-label="Close filters" className={quietButtonClass}>
            <Icon paths={ICONS.close} />
          </button>
        </div>
        {children}
      </aside>
    </>
  )
}
