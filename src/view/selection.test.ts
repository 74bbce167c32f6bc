import { describe, expect, it } from 'vitest'
import { clearTicked, NO_SELECTION, stepSelection, tickRange, toggleTicked, withCurrent } from './selection'

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

describe('ticked rows', () => {
  const ids = ['a', 'b', 'c', 'd', 'e']
  const ticked = (selection: { ticked: ReadonlySet<string> }) => [...selection.ticked].sort()

  it('ticks and unticks one row at a time', () => {
    const one = toggleTicked(NO_SELECTION, 'b')
    expect(ticked(one)).toEqual(['b'])
    expect(ticked(toggleTicked(one, 'b'))).toEqual([])
  })

  it('ticks a range from the last ticked row, in either direction', () => {
    const down = tickRange(toggleTicked(NO_SELECTION, 'b'), ids, 'd')
    expect(ticked(down)).toEqual(['b', 'c', 'd'])
    const up = tickRange(toggleTicked(NO_SELECTION, 'd'), ids, 'a')
    expect(ticked(up)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('unticks a range when its anchor was just unticked', () => {
    const all = tickRange(toggleTicked(NO_SELECTION, 'a'), ids, 'e')
    const untick = tickRange(toggleTicked(all, 'b'), ids, 'd')
    expect(ticked(untick)).toEqual(['a', 'e'])
  })

  it('ticks the row alone without an anchor, and ignores a row not in the list', () => {
    expect(ticked(tickRange(NO_SELECTION, ids, 'c'))).toEqual(['c'])
    const some = toggleTicked(NO_SELECTION, 'a')
    expect(tickRange(some, ids, 'zz')).toBe(some)
  })

  it('keeps the current row apart from the ticked ones', () => {
    const selection = withCurrent(tickRange(toggleTicked(NO_SELECTION, 'a'), ids, 'c'), 'e')
    expect(selection.current).toBe('e')
    const cleared = clearTicked(selection)
    expect(ticked(cleared)).toEqual([])
    expect(cleared.current).toBe('e')
    expect(clearTicked(cleared)).toBe(cleared)
    expect(withCurrent(cleared, 'e')).toBe(cleared)
  })
})
