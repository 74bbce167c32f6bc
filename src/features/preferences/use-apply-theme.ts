import { useEffect, useSyncExternalStore } from 'react'
import type { Theme } from './preferences-store'
import { usePreferences } from './use-preferences'

const DARK_QUERY = '(prefers-color-scheme: dark)'

function subscribeToSystemTheme(listener: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY)
  query.addEventListener('change', listener)
  return () => query.removeEventListener('change', listener)
}

const systemPrefersDark = (): boolean => window.matchMedia(DARK_QUERY).matches

export function resolveTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme
}

/**
 * Keeps `<html>`'s `dark` class (Tailwind's dark variant) and `color-scheme` in step with the
 * preference and, for "system", with the device. Call once, at the top of the app.
 *
 * `public/theme.js` has already done the same before the first paint, so a dark page never
 * flashes white: a blocking `<script>` in index.html's `<head>` (the CSP forbids inline
 * scripts). It mirrors `resolveTheme` and the key and values of `preferences-store.ts`; keep
 * them in step (theme-script.test.ts runs it against both).
 */
export function useApplyTheme(): void {
  const { theme } = usePreferences()
  const systemDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark, () => false)
  const resolved = resolveTheme(theme, systemDark)
  useEffect(() => {
    const root = document.documentElement
    root.classList.toggle('dark', resolved === 'dark')
    root.style.colorScheme = resolved
  }, [resolved])
}
