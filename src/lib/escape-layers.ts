import { useEffect, useEffectEvent } from 'react'
import { ignoresShortcuts } from './keyboard-target'

/**
 * What Esc closes: the layers open over the inbox (the conversation pane, the filters drawer),
 * newest last. One listener closes the topmost only, so a drawer opened over a conversation
 * goes first. Modal dialogs close themselves (the browser's own Esc) and are not layers.
 */
const layers: { close: () => void }[] = []

function onKeyDown(event: KeyboardEvent): void {
  const top = layers.at(-1)
  if (event.key !== 'Escape' || !top || ignoresShortcuts(event)) return
  // Marks the key as used, so no other Esc handler acts on it too.
  event.preventDefault()
  top.close()
}

/** While `open`, this layer is on the stack: Esc calls `onClose` when it is the topmost one. */
export function useEscapeLayer(open: boolean, onClose: () => void): void {
  const close = useEffectEvent(onClose)
  useEffect(() => {
    if (!open) return
    const layer = { close: () => close() }
    if (layers.length === 0) document.addEventListener('keydown', onKeyDown)
    layers.push(layer)
    return () => {
      layers.splice(layers.indexOf(layer), 1)
      if (layers.length === 0) document.removeEventListener('keydown', onKeyDown)
    }
  }, [open])
}
