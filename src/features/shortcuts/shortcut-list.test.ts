import { describe, expect, it } from 'vitest'
import { SHORTCUTS, actionForKey, stepSelection } from './shortcut-list'

describe('actionForKey', () => {
  it('maps every listed key, and nothing else', () => {
    for (const shortcut of SHORTCUTS) {
      for (const key of shortcut.keys) expect(actionForKey(key)).toBe(shortcut.action)
    }
    expect(actionForKey('x')).toBeUndefined()
    expect(actionForKey('J')).toBeUndefined()
  })
})

describe('stepSelection', () => {
  const ids = ['a', 'b', 'c']

  it('starts at the first row when nothing (or a vanished row) is selected', () => {
    expect(stepSelection(ids, undefined, 1)).toBe('a')
    expect(stepSelection(ids, undefined, -1)).toBe('a')
    expect(stepSelection(ids, 'gone', 1)).toBe('a')
  })

  it('moves one step and stops at either end', () => {
    expect(stepSelection(ids, 'a', 1)).toBe('b')
    expect(stepSelection(ids, 'b', -1)).toBe('a')
    expect(stepSelection(ids, 'c', 1)).toBe('c')
    expect(stepSelection(ids, 'a', -1)).toBe('a')
  })

  it('selects nothing in an empty list', () => {
    expect(stepSelection([], 'a', 1)).toBeUndefined()
  })
})
