import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PushEvent } from '../../src/lib/push-events.ts'
import type { JobEvent, JobState, JobView } from '../jobs/model.ts'
import { relayJobEvents } from './job-events.ts'

const job = (state: JobState, done: number, failed = 0): JobView => ({
  id: 'job1',
  action: { kind: 'markRead' },
  target: { type: 'selection', count: 100 },
  createdAt: 0,
  state,
  total: 100,
  changed: done - failed,
  skipped: 0,
  failed,
  remaining: 100 - done,
  requests: done,
  rate: null,
  etaSeconds: null,
})

function setup() {
  let listener: (event: JobEvent) => void = () => {}
  const published: PushEvent[] = []
  const relay = relayJobEvents({ onEvent: (next) => ((listener = next), () => {}), publish: (event) => published.push(event) })
  return { emit: (view: JobView) => listener({ type: 'job', job: view }), published, relay }
}

describe('relayJobEvents', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('publishes progress at most once a second, the latest counts last, and every change of state at once', async () => {
    const { emit, published } = setup()
    emit(job('running', 0))
    for (let done = 1; done <= 50; done += 1) emit(job('running', done))
    expect(published).toEqual([{ type: 'bulk', jobId: 'job1', state: 'running', done: 0, failed: 0, total: 100 }])
    await vi.advanceTimersByTimeAsync(1000)
    expect(published.at(-1)).toMatchObject({ state: 'running', done: 50 })
    expect(published).toHaveLength(2)
    emit(job('running', 60, 2))
    emit(job('completed', 100, 2))
    expect(published).toHaveLength(3)
    expect(published.at(-1)).toEqual({ type: 'bulk', jobId: 'job1', state: 'completed', done: 100, failed: 2, total: 100 })
    await vi.advanceTimersByTimeAsync(5000)
    expect(published).toHaveLength(3)
  })

  it('drops what it held back once stopped', async () => {
    const { emit, published, relay } = setup()
    emit(job('running', 0))
    emit(job('running', 1))
    relay.stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(published).toHaveLength(1)
  })
})
