// Loaded by a blocking <script> in index.html's <head> (CSP forbids inline scripts): applies the
// stored theme before the first paint, so a dark page never flashes white. It mirrors
// resolveTheme in src/features/preferences/use-apply-theme.ts and the key and values of
// src/features/preferences/preferences-store.ts; the app takes over once it has loaded.
;(function applyStoredTheme() {
  let theme = 'system'
  try {
    const stored = JSON.parse(window.localStorage.getItem('highlevel-inbox:preferences') ?? 'null')
    if (stored && (stored.theme === 'light' || stored.theme === 'dark')) theme = stored.theme
  } catch {
    // No storage or a damaged entry: follow the system.
  }
  const systemDark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
  const dark = theme === 'dark' || (theme === 'system' && systemDark)
  document.documentElement.classList.toggle('dark', dark)
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
})()
