import { useEffect, useEffectEvent } from 'react'
import { ignoresShortcuts } from './keyboard-target'
import { actionForKey, type PageShortcut, type ShortcutAction } from './shortcut-list'

export type ShortcutHandlers = Partial<Record<PageShortcut, () => void>>

/** Held-down keys repeat only for moving through the list. */
const REPEATABLE: ReadonlySet<ShortcutAction> = new Set(['next', 'previous'])

function isPageShortcut(action: ShortcutAction | undefined): action is PageShortcut {
  return action !== undefined && action !== 'open' && action !== 'close'
}

/**
 * Page-wide single-key shortcuts (see `SHORTCUTS`). Only actions with a handler are taken;
 * none fires while the person types in a field or works in a dialog. A key already handled
 * where it landed (`preventDefault`, as the grid does for its rows) is left alone.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const action = actionForKey(event.key)
    const handler = isPageShortcut(action) ? handlers[action] : undefined
    if (!action || !handler || ignoresShortcuts(event)) return
    if (event.repeat && !REPEATABLE.has(action)) return
    // A focused control (a menu, a button group) may move with the arrows: page-wide only with nothing focused.
    if (event.key.startsWith('Arrow') && event.target !== document.body) return
    // Also keeps `/` out of the search box it focuses, and the arrows from scrolling the page.
    event.preventDefault()
    handler()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKeyDown(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
}
