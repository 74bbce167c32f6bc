import { useEffect, useId, useRef } from 'react'
import { SHORTCUTS, keyLabel } from './shortcut-list'

interface ShortcutsDialogProps {
  open: boolean
  /** Called when the dialog closes by itself (Esc, the Close button); set `open` to false. */
  onClose: () => void
}

/** Every shortcut, in a modal dialog: focus moves in, Esc closes, focus returns after. */
export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={titleId} className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <table className="mt-3 w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {shortcut.keys.map((key, index) => {
                  const { label, name } = keyLabel(key)
                  return (
                    <span key={key}>
                      {index > 0 && <span className="px-1 text-slate-500 dark:text-slate-400">or</span>}
                      <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                        {label === name ? (
                          label
                        ) : (
                          <>
                            <span aria-hidden="true">{label}</span>
                            <span className="sr-only">{name}</span>
                          </>
                        )}
                      </kbd>
                    </span>
                  )
                })}
              </td>
              <td className="py-1.5">{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Shortcuts do nothing while you type in a field.</p>
      <form method="dialog" className="mt-4 flex justify-end">
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Close
        </button>
      </form>
    </dialog>
  )
}
