import { useEffect, useState } from 'react'

const TYPING_DEBOUNCE_MS = 300

/** Free-text search; typing is debounced and replaces the history entry. */
export function SearchBox({ value, onChange }: { value: string; onChange: (query: string) => void }) {
  const [draft, setDraft] = useState(value)
  // Follow outside changes (Back, "Clear all") without an effect: adjust during render.
  const [shownValue, setShownValue] = useState(value)
  if (value !== shownValue) {
    setShownValue(value)
    setDraft(value)
  }

  useEffect(() => {
    if (draft === value) return
    const timer = setTimeout(() => onChange(draft), TYPING_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [draft, value, onChange])

  return (
    <label className="block">
      <span className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">Search</span>
      <input
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder="Name, email, phone, message…"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
    </label>
  )
}
