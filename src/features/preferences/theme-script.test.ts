// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PREFERENCES_KEY } from './preferences-store'
import { resolveTheme } from './use-apply-theme'

const script = readFileSync(resolve(process.cwd(), 'public/theme.js'), 'utf8')

function runThemeScript(stored: string | null, systemDark: boolean): { dark: boolean; colorScheme: string } {
  if (stored !== null) localStorage.setItem(PREFERENCES_KEY, stored)
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: systemDark && query.includes('dark') }))
  new Function(script)()
  const root = document.documentElement
  return { dark: root.classList.contains('dark'), colorScheme: root.style.colorScheme }
}

afterEach(() => {
  localStorage.clear()
  document.documentElement.className = ''
  document.documentElement.style.colorScheme = ''
  vi.unstubAllGlobals()
})

describe('public/theme.js, run before the first paint', () => {
  it.each([
    ['{"theme":"dark"}', false, true],
    ['{"theme":"light"}', true, false],
    ['{"theme":"system"}', true, true],
    [null, true, true],
    [null, false, false],
    ['{broken', true, true],
  ])('stored %s with a dark system %s → dark %s', (stored, systemDark, dark) => {
    expect(runThemeScript(stored, systemDark)).toEqual({ dark, colorScheme: dark ? 'dark' : 'light' })
  })

  it('agrees with the app’s own resolveTheme', () => {
    for (const theme of ['system', 'light', 'dark'] as const) {
      for (const systemDark of [true, false]) {
        document.documentElement.className = ''
        const { dark } = runThemeScript(JSON.stringify({ theme }), systemDark)
        expect(dark ? 'dark' : 'light').toBe(resolveTheme(theme, systemDark))
      }
    }
  })
})
