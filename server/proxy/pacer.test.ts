import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDailyBudget } from './daily-budget.ts'
import { DailyBudgetLowError, QueueFullError, createPacer, type AcquireOptions, type Pacer } from './pacer.ts'

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
    const waiting = pacer.acquire({ signal: abandoned.signal })
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

/** Queues one acquire and records, in `order`, its label once it is granted (released at once). */
function queued(pacer: Pacer, order: string[], label: string, options: AcquireOptions = {}): Promise<void> {
  return pacer.acquire(options).then((release) => {
    order.push(label)
    release()
  })
}

describe('createPacer priorities and fairness', () => {
  it('serves waiting calls by priority: interactive, action, refresh, bulk', async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 20 })
    const first = await pacer.acquire()
    const order: string[] = []
    void queued(pacer, order, 'bulk', { priority: 'bulk', client: 'job' })
    void queued(pacer, order, 'refresh', { priority: 'refresh', client: 'tab' })
    void queued(pacer, order, 'action', { priority: 'action', client: 'tab2' })
    void queued(pacer, order, 'interactive', { client: 'tab3' })
    first()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(order).toEqual(['interactive', 'action', 'refresh', 'bulk'])
  })

  it('takes turns between clients of one priority instead of serving the first one dry', async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 20 })
    const first = await pacer.acquire({ client: 'a' })
    const order: string[] = []
    for (let i = 0; i < 3; i += 1) void queued(pacer, order, 'a', { client: 'a' })
    void queued(pacer, order, 'b', { client: 'b' })
    void queued(pacer, order, 'c', { client: 'c' })
    first()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(order).toEqual(['b', 'c', 'a', 'a', 'a'])
  })

  it('lets no client take more than half of the queue; others still get in', async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 4 })
    await pacer.acquire()
    void pacer.acquire({ client: 'greedy' })
    void pacer.acquire({ client: 'greedy' })
    await expect(pacer.acquire({ client: 'greedy' })).rejects.toBeInstanceOf(QueueFullError)
    void pacer.acquire({ client: 'other' })
    expect(pacer.waiting).toBe(3)
  })

  it('counts a new tab id per request as the same address: no more queue places, no more turns', async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 4 })
    const first = await pacer.acquire()
    const order: string[] = []
    void queued(pacer, order, 'rotating', { client: '10.0.0.9 tab00001' })
    void queued(pacer, order, 'rotating', { client: '10.0.0.9 tab00002' })
    await expect(pacer.acquire({ client: '10.0.0.9 tab00003' })).rejects.toBeInstanceOf(QueueFullError)
    void queued(pacer, order, 'other', { client: '10.0.0.7 tab00001' })
    first()
    await vi.advanceTimersByTimeAsync(10_000)
    // The other address goes before the flooding address's second tab.
    expect(order).toEqual(['rotating', 'other', 'rotating'])
  })

  it("takes turns between an address's tabs too", async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 20 })
    const first = await pacer.acquire({ client: '10.0.0.9 taba' })
    const order: string[] = []
    for (let i = 0; i < 2; i += 1) void queued(pacer, order, 'a', { client: '10.0.0.9 taba' })
    void queued(pacer, order, 'b', { client: '10.0.0.9 tabb' })
    first()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(order).toEqual(['b', 'a', 'a'])
  })

  it('grants a maxShare call only while its priority holds less than that share of the budget', async () => {
    const pacer = createPacer({ limit: 10, windowMs: 1000, queueMax: 20 })
    const bulk: string[] = []
    for (let i = 0; i < 8; i += 1) void queued(pacer, bulk, `bulk${i}`, { priority: 'bulk', client: 'job', maxShare: 0.6 })
    await vi.advanceTimersByTimeAsync(0)
    expect(bulk).toHaveLength(6)
    // The rest of the budget is there for people at once.
    const people: string[] = []
    for (let i = 0; i < 4; i += 1) void queued(pacer, people, `person${i}`, { client: `tab${i}` })
    await vi.advanceTimersByTimeAsync(0)
    expect(people).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(1000)
    expect(bulk).toHaveLength(8)
  })

  it("follows HighLevel's X-RateLimit-Remaining when it says less is left than the pacer thinks", async () => {
    const pacer = createPacer({ limit: 100, windowMs: 10_000, queueMax: 20 })
    pacer.observe(new Headers({ 'x-ratelimit-remaining': '1', 'x-ratelimit-interval-milliseconds': '10000' }))
    await pacer.acquire()
    let granted = false
    void pacer.acquire().then(() => (granted = true))
    await vi.advanceTimersByTimeAsync(9_999)
    expect(granted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(granted).toBe(true)
  })

  it("refuses bulk work once the proxy's daily figure reaches the reserve, and nothing else", async () => {
    const daily = createDailyBudget()
    const pacer = createPacer({ limit: 100, windowMs: 10_000, queueMax: 20, daily })
    await expect(pacer.acquire({ priority: 'bulk' })).resolves.toBeTypeOf('function')
    daily.observe(new Headers({ 'x-ratelimit-daily-remaining': '150000', 'x-ratelimit-limit-daily': '200000' }))
    await expect(pacer.acquire({ priority: 'bulk' })).resolves.toBeTypeOf('function')
    daily.observe(new Headers({ 'x-ratelimit-daily-remaining': '9000', 'x-ratelimit-limit-daily': '200000' }))
    const refused = pacer.acquire({ priority: 'bulk' })
    await expect(refused).rejects.toBeInstanceOf(DailyBudgetLowError)
    await expect(refused).rejects.toMatchObject({ dailyRemaining: 9000 })
    await expect(pacer.acquire({ priority: 'interactive' })).resolves.toBeTypeOf('function')
    await expect(pacer.acquire({ priority: 'refresh' })).resolves.toBeTypeOf('function')
  })

  it('ignores burst headers that are not numbers', async () => {
    const pacer = createPacer({ limit: 1, windowMs: 1000, queueMax: 1 })
    pacer.observe(new Headers({ 'x-ratelimit-remaining': 'lots' }))
    await expect(pacer.acquire()).resolves.toBeTypeOf('function')
  })
})
