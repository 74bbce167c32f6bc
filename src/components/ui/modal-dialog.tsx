import { useEffect, useId, useRef, type ReactNode } from 'react'

interface ModalDialogProps {
  title: string
  /** A line under the title. */
  description?: string
  /** The dialog's width, e.g. `w-[min(28rem,calc(100vw-2rem))]`. */
  widthClass: string
  /** Called when the dialog closes by itself (Esc, the Close button); the owner unmounts it. */
  onClose: () => void
  children: ReactNode
}

/**
 * A native modal `<dialog>`, open while mounted: focus moves in, Esc or "Close" closes it, and
 * the browser returns focus to where it was.
 */
export function ModalDialog({ title, description, widthClass, onClose, children }: ModalDialogProps) {
  const titleId = useId()
  const descriptionId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      className={`m-auto rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${widthClass}`}
    >
      <h2 id={titleId} className="text-base font-semibold">
        {title}
      </h2>
      {description && <p id={descriptionId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{description}</p>}
      {children}
      <form method="dialog" className="mt-5 flex justify-end">
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
