// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_PREFERENCES,
  PREFERENCES_KEY,
  getPreferences,
  parsePreferences,
  subscribeToPreferences,
  updatePreferences,
} from './preferences-store'

afterEach(() => {
  localStorage.clear()
})

describe('parsePreferences', () => {
  it('follows the system, comfortable rows, a 2 h target and no mark-as-read-when-opened by default', () => {
    expect(parsePreferences(null)).toEqual({ theme: 'system', density: 'comfortable', responseTargetMs: 7_200_000, markReadOnOpen: false })
  })

  it('keeps the good fields of a partly damaged entry', () => {
    expect(parsePreferences('{"theme":"dark","density":"tiny","responseTargetMs":-5,"myUserId":"u1","markReadOnOpen":"yes"}')).toEqual({
      theme: 'dark',
      density: 'comfortable',
      responseTargetMs: 7_200_000,
      myUserId: 'u1',
      markReadOnOpen: false,
    })
  })

  it('falls back to the defaults for something that is not JSON or not an object', () => {
    expect(parsePreferences('{oops')).toEqual(DEFAULT_PREFERENCES)
    expect(parsePreferences('"dark"')).toEqual(DEFAULT_PREFERENCES)
  })
})

describe('the preferences store', () => {
  it('writes to localStorage and tells this tab at once', () => {
    const listener = vi.fn()
    const unsubscribe = subscribeToPreferences(listener)
    updatePreferences({ density: 'compact' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? '{}')).toMatchObject({ density: 'compact' })
    expect(getPreferences().density).toBe('compact')
    unsubscribe()
  })

  it('hears changes made in another tab', () => {
    const listener = vi.fn()
    const unsubscribe = subscribeToPreferences(listener)
    localStorage.setItem(PREFERENCES_KEY, '{"theme":"light"}')
    window.dispatchEvent(new StorageEvent('storage', { key: PREFERENCES_KEY }))
    window.dispatchEvent(new StorageEvent('storage', { key: 'something-else' }))
    expect(listener).toHaveBeenCalledTimes(1)
    expect(getPreferences().theme).toBe('light')
    unsubscribe()
  })

  it('returns the same object until something changes', () => {
    expect(getPreferences()).toBe(getPreferences())
  })
})
