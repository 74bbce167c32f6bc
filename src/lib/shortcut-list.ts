/**
 * Every keyboard shortcut of the inbox, as the help dialog lists them. `useShortcuts` maps keys
 * to the page-wide actions through this list: the grid gives it `j`/`k` (so they move the
 * current row wherever focus is, outside fields and dialogs) and `u`/`s`/`a` (the current row's
 * actions, or the ticked rows'), the pane the same three while focus is in it, the inbox `/` and `?`. Opening a
 * row (Enter, `o`) is the grid's own (inbox/virtual-rows.tsx), `r` the open conversation's reply box, and Esc closes the topmost
 * layer (lib/escape-layers.ts).
 */
export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'close'
  | 'toggleRead'
  | 'toggleStar'
  | 'assign'
  | 'tick'
  | 'tickRange'
  | 'reply'
  | 'focusSearch'
  | 'showHelp'

/** The actions `useShortcuts` runs; the others are handled where their keys land. */
export type PageShortcut = Exclude<ShortcutAction, 'open' | 'close'>

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
  { action: 'tick', keys: ['x'], description: 'Tick or untick the selected conversation' },
  { action: 'tickRange', keys: ['X'], description: 'Tick every conversation from the last ticked one to the selected one' },
  { action: 'toggleRead', keys: ['u'], description: 'Mark as read or unread (the ticked ones, if any)' },
  { action: 'toggleStar', keys: ['s'], description: 'Star or unstar (the ticked ones, if any)' },
  { action: 'assign', keys: ['a'], description: 'Assign (the ticked ones, if any)' },
  { action: 'reply', keys: ['r'], description: 'Reply to the open conversation' },
  { action: 'focusSearch', keys: ['/'], description: 'Search' },
  { action: 'showHelp', keys: ['?'], description: 'Show these shortcuts' },
]

const ACTION_BY_KEY = new Map(SHORTCUTS.flatMap((shortcut) => shortcut.keys.map((key) => [key, shortcut.action] as const)))

export function actionForKey(key: string): ShortcutAction | undefined {
  return ACTION_BY_KEY.get(key)
}

const KEY_LABELS: Readonly<Record<string, string>> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc', X: 'Shift+x' }
const KEY_NAMES: Readonly<Record<string, string>> = { ArrowDown: 'Down arrow', ArrowUp: 'Up arrow', Escape: 'Escape', '/': 'Slash', '?': 'Question mark', X: 'Shift x' }

/** How a key is printed on a keycap, and how a screen reader should say it. */
export function keyLabel(key: string): { label: string; name: string } {
  return { label: KEY_LABELS[key] ?? key, name: KEY_NAMES[key] ?? key }
}
