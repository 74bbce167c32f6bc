import type { ReactNode } from 'react'
import { Icon, ICONS } from '../../components/ui/icon'
import { focusRing } from '../../components/ui/styles'

/** A collapsible group of the sidebar, with a count of its active filters. */
export function FilterSection({
  title,
  active = 0,
  defaultOpen = true,
  children,
}: {
  title: string
  active?: number
  defaultOpen?: boolean
  children: ReactNode
}) {
  return (
    <details open={defaultOpen} className="group border-b border-slate-200 py-3 last:border-b-0 dark:border-slate-800">
      <summary
        className={`flex cursor-pointer list-none items-center gap-2 rounded text-xs font-semibold tracking-wide text-slate-500 uppercase select-none hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100 [&::-webkit-details-marker]:hidden ${focusRing}`}
      >
        <span className="flex-1">{title}</span>
        {active > 0 && (
          <span className="rounded-full bg-indigo-100 px-1.5 text-[0.65rem] text-indigo-700 dark:bg-indigo-900 dark:text-indigo-200">
            {active}
          </span>
        )}
        <Icon paths={ICONS.chevron} className="size-3.5 transition-transform group-open:rotate-180" />
      </summary>
      <div className="mt-3 flex flex-col gap-3">{children}</div>
    </details>
  )
}
