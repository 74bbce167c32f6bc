import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QueueFullError, createPacer } from './pacer.ts'

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createPacer', () => {
  it('lets `limit` calls through at once and holds the next until a window after one finished', async () => {
    const pacer = createPacer({ limit: 2, windowMs: 1000, queueMax: 5 })
    const first = await pacer.acquire()
    await pacer.acquire()
    let third = false
    void pacer.acquire().then(() => (third = true))
    await vi.advanceTimersByTimeAsync(5000)
    expect(third).toBe(false) // both tokens are still in flight

    vi.setSystemTime(6000)
    first()
    await vi.advanceTimersByTimeAsync(999)
    expect(third).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(third).toBe(true)
  })

  it('never starts more than `limit` calls in any window', async () => {
    const pacer = createPacer({ limit: 3, windowMs: 1000, queueMax: 100 })
    const starts: number[] = []
    for (let i = 0; i < 12; i += 1) {
      void pacer.acquire().then((release) => {
        starts.push(Date.now())
        release()
      })
    }
    await vi.advanceTimersByTimeAsync(10_000)
    expect(starts).toHaveLength(12)
    for (const start of starts) {
      expect(starts.filter((other) => other >= start && other < start + 1000).length).toBeLessThanOrEqual(3)
    }
    expect(starts.at(-1)).toBe(3000)
  })

  it('refuses with a QueueFullError once the queue is full', async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 1 })
    await pacer.acquire()
    void pacer.acquire()
    await expect(pacer.acquire()).rejects.toBeInstanceOf(QueueFullError)
    expect(pacer.waiting).toBe(1)
  })

  it('drops a waiter whose caller gave up', async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 5 })
    const release = await pacer.acquire()
    const abandoned = new AbortController()
    const waiting = pacer.acquire(abandoned.signal)
    abandoned.abort(new Error('browser left'))
    await expect(waiting).rejects.toThrow('browser left')
    expect(pacer.waiting).toBe(0)

    release()
    let next = false
    void pacer.acquire().then(() => (next = true))
    await vi.advanceTimersByTimeAsync(1000)
    expect(next).toBe(true)
  })

  it('counts a release only once', async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 5 })
    const release = await pacer.acquire()
    release()
    release()
    await vi.advanceTimersByTimeAsync(1000)
    await pacer.acquire()
    await expect(Promise.race([pacer.acquire().then(() => 'granted'), Promise.resolve('waiting')])).resolves.toBe('waiting')
  })
})

describe('createPacer.hold', () => {
  it('lets nothing out until the hold ends, then resumes', async () => {
    const pacer = createPacer({ limit: 10, windowMs: 1000, queueMax: 5 })
    pacer.hold(3000)
    let granted = false
    void pacer.acquire().then(() => (granted = true))
    await vi.advanceTimersByTimeAsync(2999)
    expect(granted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(granted).toBe(true)
  })
})
