const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'])

function isTextEntry(target: Element): boolean {
  if (target.closest('[contenteditable]:not([contenteditable="false"])')) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type)
}

/**
 * Whether a single-key shortcut must leave this key press alone: the person is typing
 * (text input, textarea, select, contenteditable), holding a modifier (browser and OS
 * shortcuts), composing text (IME), or inside a modal dialog, which handles its own keys.
 * On a radio or checkbox the arrow keys stay the control's own.
 */
export function ignoresShortcuts(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return true
  const target = event.target
  if (!(target instanceof Element)) return false
  if (target.closest('dialog[open]') || isTextEntry(target)) return true
  return target instanceof HTMLInputElement && event.key.startsWith('Arrow')
}
