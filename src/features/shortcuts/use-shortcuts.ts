import { useEffect, useEffectEvent } from 'react'
import { ignoresShortcuts } from '../../lib/keyboard-target'
import { actionForKey, type ShortcutAction } from './shortcut-list'

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>

/** Where Enter already means something (activating a button or link), it is left alone. */
const ACTIVATES_ON_ENTER = 'a[href], button, summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"]'
/** Held-down keys repeat only for moving through the list. */
const REPEATABLE: ReadonlySet<ShortcutAction> = new Set(['next', 'previous'])

/**
 * Page-wide single-key shortcuts (see `SHORTCUTS`). Only actions with a handler are taken;
 * none fires while the person types in a field or works in a dialog.
 */
export function useShortcuts(handlers: ShortcutHandlers, options: { enabled?: boolean } = {}): void {
  const enabled = options.enabled ?? true
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const action = actionForKey(event.key)
    const handler = action && handlers[action]
    if (!action || !handler || ignoresShortcuts(event)) return
    if (event.repeat && !REPEATABLE.has(action)) return
    if (event.key === 'Enter' && event.target instanceof Element && event.target.closest(ACTIVATES_ON_ENTER)) return
    // Also keeps `/` out of the search box it focuses, and the arrows from scrolling the page.
    event.preventDefault()
    handler()
  })
  useEffect(() => {
    if (!enabled) return
    const listener = (event: KeyboardEvent): void => onKeyDown(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [enabled])
}
