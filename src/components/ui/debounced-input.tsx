import { useEffect, useState, type InputHTMLAttributes } from 'react'
import { inputClass } from './styles'

const TYPING_DEBOUNCE_MS = 300

interface DebouncedInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string
  /** Called once typing pauses, with the text as typed. */
  onCommit: (value: string) => void
}

/** A text input that reports what was typed after a pause, and follows outside changes. */
export function DebouncedInput({ value, onCommit, className, ...props }: DebouncedInputProps) {
  const [draft, setDraft] = useState(value)
  // Follow outside changes (Back, "Clear all") without an effect: adjust during render.
  const [shownValue, setShownValue] = useState(value)
  if (value !== shownValue) {
    setShownValue(value)
    setDraft(value)
  }

  useEffect(() => {
    if (draft === value) return
    const timer = setTimeout(() => onCommit(draft), TYPING_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [draft, value, onCommit])

  return (
    <input
      {...props}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      className={className ?? inputClass}
    />
  )
}
