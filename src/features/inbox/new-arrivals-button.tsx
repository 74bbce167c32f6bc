interface NewArrivalsButtonProps {
  count: number
  /** The whole first page is new: there may be more than `count`. */
  more: boolean
  onClick: () => void
}

/** Announces conversations that arrived above the reader instead of pushing the rows down. */
export function NewArrivalsButton({ count, more, onClick }: NewArrivalsButtonProps) {
  const label = `${count}${more ? '+' : ''} new`
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded-full bg-sky-600 px-3 py-1 text-xs font-semibold text-white shadow-sm hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      aria-label={`${label}: show the newest conversations at the top`}
    >
      ↑ {label}
    </button>
  )
}
