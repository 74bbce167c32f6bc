import { describe, expect, it } from 'vitest'
import { SHORTCUTS, actionForKey } from './shortcut-list'

describe('actionForKey', () => {
  it('maps every listed key, and nothing else', () => {
    for (const shortcut of SHORTCUTS) {
      for (const key of shortcut.keys) expect(actionForKey(key)).toBe(shortcut.action)
    }
    expect(actionForKey('q')).toBeUndefined()
    expect(actionForKey('J')).toBeUndefined()
  })
})
