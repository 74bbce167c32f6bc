import { useEffect, useEffectEvent } from 'react'
import { ignoresShortcuts } from '../../lib/keyboard-target'

/** Esc calls `onClose`, unless the person is typing or a dialog has the key. */
export function useCloseOnEscape(onClose: () => void): void {
  const close = useEffectEvent(onClose)
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || ignoresShortcuts(event)) return
      // Marks the key as used, so a second Esc handler (a global shortcut) leaves it alone.
      event.preventDefault()
      close()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
