/** The × that closes a pane; Esc does the same (the pane listens for it). */
export function CloseButton({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <button
      type="button"
      onClick={onClose}
      aria-label={label}
      aria-keyshortcuts="Escape"
      title="Close (Esc)"
      className="rounded-md px-2 py-1 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800"
    >
      ×
    </button>
  )
}
