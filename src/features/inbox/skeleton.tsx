/** Widths vary a little from row to row so that loading looks like a list, not stripes. */
const NAME_WIDTHS = ['w-28', 'w-36', 'w-24', 'w-32']
const BODY_WIDTHS = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6']

function Bar({ className }: { className: string }) {
  return <span className={`block h-2.5 animate-pulse rounded-full bg-slate-200 dark:bg-slate-800 ${className}`} />
}

/** The cells of one loading row, in the columns' grid. */
export function SkeletonBars({ seed }: { seed: number }) {
  return (
    <>
      <span className="flex items-center gap-2.5 px-3">
        <span className="size-7 shrink-0 animate-pulse rounded-full bg-slate-200 dark:bg-slate-800" />
        <Bar className={NAME_WIDTHS[seed % NAME_WIDTHS.length] ?? 'w-28'} />
      </span>
      <span className="px-3">
        <Bar className="w-16" />
      </span>
      <span className="px-3">
        <Bar className={BODY_WIDTHS[seed % BODY_WIDTHS.length] ?? 'w-2/3'} />
      </span>
      <span />
      <span className="px-3">
        <Bar className="w-20" />
      </span>
      <span />
    </>
  )
}
