import { describe, expect, it } from 'vitest'
import { clearTicks, DROPPED_NOTICE, forView, hasTicks, headerBox, tick, tickAllInView, tickLoaded, ticksFor } from './ticked-rows'

const ids = ['a', 'b', 'c', 'd', 'e']
const ticked = (state: ReturnType<typeof ticksFor>) => [...state.selection.ticked].sort()

describe('ticked rows', () => {
  it('ticks and unticks one row, which becomes the anchor', () => {
    const once = tick(ticksFor('v'), 'b', ids, false)
    expect(ticked(once)).toEqual(['b'])
    expect(once.selection.anchor).toBe('b')
    expect(ticked(tick(once, 'b', ids, false))).toEqual([])
  })

  it('ticks a range from the anchor either way, and unticks one from an unticked anchor', () => {
    const down = tick(tick(ticksFor('v'), 'b', ids, false), 'd', ids, true)
    expect(ticked(down)).toEqual(['b', 'c', 'd'])
    const up = tick(tick(ticksFor('v'), 'd', ids, false), 'a', ids, true)
    expect(ticked(up)).toEqual(['a', 'b', 'c', 'd'])
    const untickFrom = tick(tick(up, 'b', ids, false), 'd', ids, true)
    expect(ticked(untickFrom)).toEqual(['a'])
  })

  it('keeps ticks of rows that are no longer loaded (scrolled away or moved)', () => {
    const state = tick(ticksFor('v'), 'gone', ['gone', ...ids], false)
    expect(ticked(tick(state, 'a', ids, false))).toEqual(['a', 'gone'])
  })

  it('has a header box over the loaded rows: none, some (indeterminate), all', () => {
    const none = ticksFor('v')
    expect(headerBox(none, ids)).toBe('none')
    const some = tick(none, 'c', ids, false)
    expect(headerBox(some, ids)).toBe('some')
    const all = tickLoaded(some, ids)
    expect(headerBox(all, ids)).toBe('all')
    expect(ticked(all)).toEqual(ids)
    expect(headerBox(tickLoaded(all, ids), ids)).toBe('none')
  })

  it('selects the whole view, and unticking one row leaves the loaded others ticked', () => {
    const all = tickAllInView(tick(ticksFor('v'), 'a', ids, false))
    expect(all.allInView).toBe(true)
    expect(headerBox(all, ids)).toBe('all')
    const butOne = tick(all, 'c', ids, false)
    expect(butOne.allInView).toBe(false)
    expect(ticked(butOne)).toEqual(['a', 'b', 'd', 'e'])
    expect(hasTicks(clearTicks(all))).toBe(false)
  })

  it('drops the ticks when the view changes, with a word, and says nothing when none were ticked', () => {
    const state = tick(ticksFor('v'), 'a', ids, false)
    expect(forView(state, 'v')).toBe(state)
    const moved = forView(state, 'w')
    expect(hasTicks(moved)).toBe(false)
    expect(moved.notice).toBe(DROPPED_NOTICE)
    expect(forView(ticksFor('v'), 'w').notice).toBeUndefined()
    expect(forView(tickAllInView(ticksFor('v')), 'w').notice).toBe(DROPPED_NOTICE)
  })
})
