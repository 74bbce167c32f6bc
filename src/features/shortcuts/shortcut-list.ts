/**
 * Every keyboard shortcut of the inbox, as the help dialog lists them. `useShortcuts` maps keys
 * to actions through this list for the handlers it is given (the inbox gives it `/` and `?`);
 * moving through and opening rows is the grid's own (inbox/virtual-rows.tsx), and Esc the
 * pane's (conversation/use-close-on-escape.ts).
 */
export type ShortcutAction = 'next' | 'previous' | 'open' | 'close' | 'focusSearch' | 'showHelp'

export interface Shortcut {
  action: ShortcutAction
  /** `KeyboardEvent.key` values. */
  keys: readonly string[]
  description: string
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', keys: ['j', 'ArrowDown'], description: 'Select the next conversation' },
  { action: 'previous', keys: ['k', 'ArrowUp'], description: 'Select the previous conversation' },
  { action: 'open', keys: ['Enter', 'o'], description: 'Open the selected conversation' },
  { action: 'close', keys: ['Escape'], description: 'Close the open conversation' },
  { action: 'focusSearch', keys: ['/'], description: 'Search' },
  { action: 'showHelp', keys: ['?'], description: 'Show these shortcuts' },
]

const ACTION_BY_KEY = new Map(SHORTCUTS.flatMap((shortcut) => shortcut.keys.map((key) => [key, shortcut.action] as const)))

export function actionForKey(key: string): ShortcutAction | undefined {
  return ACTION_BY_KEY.get(key)
}

const KEY_LABELS: Readonly<Record<string, string>> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' }
const KEY_NAMES: Readonly<Record<string, string>> = { ArrowDown: 'Down arrow', ArrowUp: 'Up arrow', Escape: 'Escape', '/': 'Slash', '?': 'Question mark' }

/** How a key is printed on a keycap, and how a screen reader should say it. */
export function keyLabel(key: string): { label: string; name: string } {
  return { label: KEY_LABELS[key] ?? key, name: KEY_NAMES[key] ?? key }
}

/**
 * The id `j`/`k` select from the ids in list order: one step from `current`, stopping at
 * either end; with nothing selected yet, the first one.
 */
export function stepSelection(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined
  const index = current === undefined ? -1 : ids.indexOf(current)
  if (index < 0) return ids[0]
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))]
}
