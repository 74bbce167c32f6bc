/** Class lists the form primitives share, so every control looks and focuses alike. */

export const focusRing =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:focus-visible:outline-indigo-400'

export const inputClass = `w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs placeholder:text-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-500 ${focusRing}`

export const labelClass = 'mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400'

export const buttonClass = `inline-flex items-center justify-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors disabled:opacity-50 ${focusRing}`

export const quietButtonClass = `${buttonClass} text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800`

export const primaryButtonClass = `${buttonClass} bg-indigo-600 text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-600`

/** A link in a sidebar list of views; `aria-current="page"` marks the one open. */
export const navLinkClass = `min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-sm text-slate-700 aria-[current=page]:bg-indigo-50 aria-[current=page]:font-medium aria-[current=page]:text-indigo-700 dark:text-slate-300 dark:aria-[current=page]:bg-indigo-950/60 dark:aria-[current=page]:text-indigo-200 ${focusRing}`
