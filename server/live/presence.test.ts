import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PresenceEntry } from '../../src/lib/push-events.ts'
import { createMemoryPresence, type PresenceStore } from './presence.ts'

const ANN: PresenceEntry = { clientId: 'tab-ann-0001', name: 'Ann', viewing: 'conv0001' }
const BOB: PresenceEntry = { clientId: 'tab-bob-0001', name: 'Bob' }

describe('createMemoryPresence', () => {
  let store: PresenceStore
  let changes: PresenceEntry[][]

  beforeEach(() => {
    vi.useFakeTimers()
    store = createMemoryPresence()
    changes = []
    store.onChange((present) => changes.push(present))
  })
  afterEach(() => {
    store.close()
    vi.useRealTimers()
  })

  it('lists a tab after its heartbeat and reports the arrival', () => {
    expect(store.heartbeat(ANN)).toBe('ok')
    expect(store.list()).toEqual([ANN])
    expect(changes).toEqual([[ANN]])
  })

  it('keeps the browser id a tab gives, so its sibling tabs can leave it out', () => {
    store.heartbeat({ ...BOB, browserId: 'browser-0001' })
    expect(store.list()).toEqual([{ ...BOB, browserId: 'browser-0001' }])
  })

  it('forgets a tab 30 s after its last heartbeat, not before', () => {
    store.heartbeat(ANN)
    vi.advanceTimersByTime(29_999)
    expect(store.list()).toEqual([ANN])
    vi.advanceTimersByTime(1)
    expect(store.list()).toEqual([])
    expect(changes).toEqual([[ANN], []])
  })

  it('counts the 30 s from the latest heartbeat', () => {
    store.heartbeat(ANN)
    vi.advanceTimersByTime(20_000)
    store.heartbeat(ANN)
    store.heartbeat(BOB)
    vi.advanceTimersByTime(29_999)
    expect(store.list()).toEqual([ANN, BOB])
    vi.advanceTimersByTime(1)
    expect(store.list()).toEqual([])
  })

  it('expires each tab on its own schedule', () => {
    store.heartbeat(ANN)
    vi.advanceTimersByTime(10_000)
    store.heartbeat(BOB)
    vi.advanceTimersByTime(20_000)
    expect(store.list()).toEqual([BOB])
    vi.advanceTimersByTime(10_000)
    expect(store.list()).toEqual([])
  })

  it('reports a move to another conversation but not a heartbeat that changes nothing', () => {
    store.heartbeat(ANN)
    store.heartbeat(ANN)
    const replying = { ...ANN, replying: 'conv0001' }
    store.heartbeat(replying)
    expect(changes).toEqual([[ANN], [replying]])
  })

  it('keeps only the public fields of what it is given', () => {
    store.heartbeat({ ...BOB, watching: ['limit=50'] } as PresenceEntry)
    expect(store.list()).toEqual([BOB])
  })

  it('takes a leaving tab off at once', () => {
    store.heartbeat(ANN)
    store.leave(ANN.clientId)
    store.leave(ANN.clientId)
    expect(store.list()).toEqual([])
    expect(changes).toEqual([[ANN], []])
  })

  it('refuses new tabs beyond its bound but still refreshes known ones', () => {
    const small = createMemoryPresence({ maxEntries: 1 })
    expect(small.heartbeat(ANN)).toBe('ok')
    expect(small.heartbeat(BOB)).toBe('full')
    expect(small.heartbeat(ANN)).toBe('ok')
    expect(small.list()).toEqual([ANN])
    small.close()
  })
})
