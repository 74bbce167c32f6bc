import { lazy } from 'react'

/**
 * The dialogs are not needed for the first rows: their code loads when one is first opened.
 * Both come from one chunk — with a third lazy chunk the bundler moves React itself out of the
 * entry into a chunk of its own, which costs a first visit more than the dialogs weigh.
 */
const loadDialogs = () => import('./dialogs')

export const PreferencesDialog = lazy(() => loadDialogs().then(({ PreferencesDialog }) => ({ default: PreferencesDialog })))
export const ShortcutsDialog = lazy(() => loadDialogs().then(({ ShortcutsDialog }) => ({ default: ShortcutsDialog })))
