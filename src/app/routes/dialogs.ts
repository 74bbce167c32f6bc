// The dialogs opened on demand, in one lazily loaded chunk (see lazy-dialogs.ts).
export { PreferencesDialog } from '../../features/preferences/preferences-dialog'
export { ShortcutsDialog } from '../../features/shortcuts/shortcuts-dialog'
