import { useEffect, useState } from 'react'
import { Icon, ICONS } from './icon'
import { quietButtonClass } from './styles'

const CONFIRM_MS = 1500

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({
  text,
  label,
  className,
  compact = false,
}: {
  text: string
  label: string
  className?: string
  /** Icon only; the label is still read out. */
  compact?: boolean
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), CONFIRM_MS)
    return () => clearTimeout(timer)
  }, [state])

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    )
  }

  return (
    <button type="button" onClick={copy} className={className ?? quietButtonClass} aria-label={label} title={text}>
      <Icon paths={state === 'copied' ? ICONS.check : ICONS.link} className={compact ? 'size-3.5' : 'size-4'} />
      <span aria-live="polite" className={compact ? 'sr-only' : undefined}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy link'}
      </span>
    </button>
  )
}
