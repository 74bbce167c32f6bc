// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import {
  COLUMN_PREFS_KEY,
  DEFAULT_COLUMN_PREFS,
  parseColumnPrefs,
  readColumnPrefs,
  writeColumnPrefs,
} from './column-prefs'

describe('column preferences', () => {
  afterEach(() => window.localStorage.clear())

  it('reads back what was written', () => {
    const prefs = { visibility: { channel: false }, sizing: { name: 260 } }
    writeColumnPrefs(prefs)
    expect(readColumnPrefs()).toEqual(prefs)
  })

  it('falls back to defaults for nothing stored or unreadable JSON', () => {
    expect(readColumnPrefs()).toEqual(DEFAULT_COLUMN_PREFS)
    window.localStorage.setItem(COLUMN_PREFS_KEY, '{nope')
    expect(readColumnPrefs()).toEqual(DEFAULT_COLUMN_PREFS)
  })

  it('keeps the readable part when the other is malformed', () => {
    expect(parseColumnPrefs(JSON.stringify({ visibility: { starred: false }, sizing: { name: 'wide' } }))).toEqual({
      visibility: { starred: false },
      sizing: {},
    })
    expect(parseColumnPrefs(JSON.stringify({ visibility: 3, sizing: { name: 5 } }))).toEqual(DEFAULT_COLUMN_PREFS)
  })
})
