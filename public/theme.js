// The stored theme on <html> before the first paint (see src/features/preferences/use-apply-theme.ts).
;(function () {
  let theme = 'system'
  try {
    const stored = JSON.parse(localStorage.getItem('highlevel-inbox:preferences') || 'null')
    if (stored && (stored.theme === 'light' || stored.theme === 'dark')) theme = stored.theme
  } catch {
    // No storage, or a damaged entry: follow the system.
  }
  const dark = theme === 'dark' || (theme === 'system' && !!window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches)
  const root = document.documentElement
  root.classList.toggle('dark', dark)
  root.style.colorScheme = dark ? 'dark' : 'light'
})()
