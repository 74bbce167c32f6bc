import { describe, expect, it } from 'vitest'
import { failuresOf, newEntry, viewOf } from './job-entry.ts'
import { snapshotPages } from './estimate.ts'

describe('progress of a running job', () => {
  it('tells the rate over the last minute and the time left at that rate', () => {
    const entry = newEntry({ id: 'job1', action: { kind: 'star' }, target: { type: 'selection', conversations: [] }, createdAt: 0 })
    entry.items = Array.from({ length: 100 }, (_, index) => ({ id: `Conv${String(index).padStart(6, '0')}` }))
    entry.snapshotDone = true
    entry.state = 'running'
    entry.runStartedAt = 0
    for (let second = 1; second <= 20; second++) {
      entry.outcomes.set(`Conv${String(second).padStart(6, '0')}`, { result: 'changed' })
      entry.settled.push({ at: second * 1000, count: 1 })
    }
    expect(viewOf(entry, 20_000, false)).toMatchObject({ changed: 20, remaining: 80, rate: 1, etaSeconds: 80 })
    // A minute later with nothing settled meanwhile, there is no rate to tell.
    expect(viewOf(entry, 90_000, false)).toMatchObject({ rate: null, etaSeconds: null })
  })
})

describe('failuresOf', () => {
  it("gives each failed conversation its reason and, where the snapshot knew it, its contact's name", () => {
    const entry = newEntry({ id: 'job1', action: { kind: 'star' }, target: { type: 'selection', conversations: [] }, createdAt: 0 })
    entry.items = [{ id: 'Conv000001', name: 'Ana Souza' }, { id: 'Conv000002' }, { id: 'Conv000003', name: 'Jean' }]
    entry.outcomes.set('Conv000001', { result: 'failed', reason: 'Conversation not found' })
    entry.outcomes.set('Conv000002', { result: 'failed' })
    entry.outcomes.set('Conv000003', { result: 'changed' })
    expect(failuresOf(entry)).toEqual([
      { id: 'Conv000001', reason: 'Conversation not found', name: 'Ana Souza' },
      { id: 'Conv000002', reason: 'failed' },
    ])
  })
})

describe('snapshotPages', () => {
  it('counts 100 a page, then 99 new a page', () => {
    expect([0, 99, 100, 198, 199, 1000].map(snapshotPages)).toEqual([1, 1, 2, 2, 3, 11])
  })
})
