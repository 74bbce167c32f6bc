/** Says, politely, that a view change dropped the ticked rows; present while empty, so it is announced. */
export function SelectionNotice({ notice }: { notice: string | undefined }) {
  return (
    <p role="status" className={notice ? 'border-b border-slate-200 px-4 py-1 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300' : 'sr-only'}>
      {notice}
    </p>
  )
}
