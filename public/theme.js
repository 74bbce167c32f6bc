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

// Clicks and keys on the server's HTML before the app has hydrated it: kept (a click's default
// held back) and replayed once the app runs (src/lib/early-input.ts), so none is lost. Links,
// checkboxes and buttons then act through the app, as if it had been there all along.
;(function () {
  const events = []
  const keep = function (event) {
    const root = document.getElementById('root')
    const target = event.target
    // On the app, or (a key with nothing focused) on the page itself.
    if (!root || !(target instanceof Node) || !(root.contains(target) || target === document.body)) return
    if (event.type === 'click') event.preventDefault()
    events.push(event)
  }
  document.addEventListener('click', keep, true)
  document.addEventListener('keydown', keep, true)
  window.__earlyInput = {
    events: events,
    stop: function () {
      document.removeEventListener('click', keep, true)
      document.removeEventListener('keydown', keep, true)
    },
  }
})()
