import { describe, expect, it, vi } from 'vitest'
import { hearPresence, nameOf, ownPresence, presenceText, replyAuthors, setOwnPresence, teamPresence } from './presence-store'

describe('presenceText', () => {
  it('says who is replying or viewing, Someone without a name, nothing for other conversations', () => {
    const present = [
      { clientId: 'tab-aaaa1', name: 'Ann', viewing: 'conv0001', replying: 'conv0001' },
      { clientId: 'tab-bbbb2', viewing: 'conv0001' },
      { clientId: 'tab-cccc3', name: 'Cy', viewing: 'conv0002' },
    ]
    expect(presenceText(present, 'conv0001')).toBe('Ann is replying, Someone is viewing')
    expect(presenceText(present, 'conv0002')).toBe('Cy is viewing')
    expect(presenceText(present, 'conv0003')).toBeUndefined()
    expect(nameOf(present, 'tab-cccc3')).toBe('Cy')
    expect(nameOf(present, 'gone')).toBe('Someone')
  })
})

describe('setOwnPresence', () => {
  it('tells subscribers only when a field changes', () => {
    const listener = vi.fn()
    ownPresence.subscribe(listener)
    setOwnPresence({ viewing: 'conv0001' })
    setOwnPresence({ viewing: 'conv0001' })
    setOwnPresence({ replying: 'conv0001' })
    expect(ownPresence.get()).toEqual({ viewing: 'conv0001', replying: 'conv0001' })
    expect(listener).toHaveBeenCalledTimes(2)
  })
})

describe('nameOf', () => {
  it('names a tab that has left by the name it last gave, and falls back on a name known otherwise', () => {
    hearPresence([{ clientId: 'tab-ann00001', name: ' Ann ', viewing: 'conv0001' }, { clientId: 'tab-bob00002', name: 'Bob' }])
    expect(teamPresence.get()).toHaveLength(2)
    replyAuthors.set('msg1', 'tab-ann00001')
    hearPresence([{ clientId: 'tab-bob00002' }])
    expect(nameOf(teamPresence.get(), replyAuthors.get('msg1'))).toBe('Ann')
    // Present now without a name: that is what it says now.
    expect(nameOf(teamPresence.get(), 'tab-bob00002')).toBe('Someone')
    hearPresence([])
    expect(nameOf([], 'tab-bob00002')).toBe('Someone')
    expect(nameOf([], undefined, 'Cy Lee')).toBe('Cy Lee')
    expect(nameOf([], 'never-heard', '  ')).toBe('Someone')
  })
})
