import { describe, expect, it } from 'vitest'
import type { PushEvent } from '../../src/lib/push-events.ts'
import { createMemoryHub, type Frame } from './hub.ts'

const patch = (unreadCount: number): PushEvent => ({ type: 'conversation', patch: { id: 'conv0001', unreadCount } })

function collect(): { frames: Frame[]; deliver: (frame: Frame) => void; types: () => unknown[] } {
  const frames: Frame[] = []
  return {
    frames,
    deliver: (frame) => frames.push(frame),
    types: () => frames.map((frame) => (JSON.parse(frame.data) as PushEvent).type),
  }
}

describe('createMemoryHub', () => {
  it('gives stored events increasing ids and sends them to every subscriber', () => {
    const hub = createMemoryHub({ epoch: 'e1' })
    const a = collect()
    const b = collect()
    hub.subscribe(a.deliver)
    hub.subscribe(b.deliver)
    expect(hub.publish(patch(1))).toBe('e1-1')
    expect(hub.publish(patch(2))).toBe('e1-2')
    expect(a.frames.map((frame) => frame.id)).toEqual(['e1-1', 'e1-2'])
    expect(b.frames).toEqual(a.frames)
    expect(JSON.parse(a.frames[1]?.data ?? '')).toEqual({ ...patch(2), id: 'e1-2' })
  })

  it('replays what a reconnecting client missed, in order, before new events', () => {
    const hub = createMemoryHub({ epoch: 'e1' })
    const seen = hub.publish(patch(1))
    hub.publish(patch(2))
    hub.publish(patch(3))
    const client = collect()
    const subscription = hub.subscribe(client.deliver, seen)
    hub.publish(patch(4))
    expect(subscription.catchUp).toBe('replayed')
    expect(client.frames.map((frame) => frame.id)).toEqual(['e1-2', 'e1-3', 'e1-4'])
  })

  it('replays nothing to a client that is up to date or new', () => {
    const hub = createMemoryHub({ epoch: 'e1' })
    const last = hub.publish(patch(1))
    const upToDate = collect()
    const fresh = collect()
    expect(hub.subscribe(upToDate.deliver, last).catchUp).toBe('current')
    expect(hub.subscribe(fresh.deliver).catchUp).toBe('current')
    expect(upToDate.frames).toEqual([])
    expect(fresh.frames).toEqual([])
  })

  it('tells a client whose last event fell out of the buffer to resync, with the current id', () => {
    const hub = createMemoryHub({ epoch: 'e1', capacity: 3 })
    const seen = hub.publish(patch(1))
    for (let n = 2; n <= 5; n += 1) hub.publish(patch(n))
    const client = collect()
    expect(hub.subscribe(client.deliver, seen).catchUp).toBe('resync')
    expect(client.frames).toEqual([{ id: 'e1-5', data: JSON.stringify({ type: 'resync', id: 'e1-5' }) }])
  })

  it('still replays when exactly the oldest kept event is the next one', () => {
    const hub = createMemoryHub({ epoch: 'e1', capacity: 3 })
    hub.publish(patch(1))
    const seen = hub.publish(patch(2))
    for (let n = 3; n <= 5; n += 1) hub.publish(patch(n))
    const client = collect()
    expect(hub.subscribe(client.deliver, seen).catchUp).toBe('replayed')
    expect(client.frames.map((frame) => frame.id)).toEqual(['e1-3', 'e1-4', 'e1-5'])
  })

  it.each([
    ['an id of an earlier server run', 'e0-2'],
    ['an id from the future', 'e1-9'],
    ['garbage', 'not-an-id'],
  ])('resyncs a client presenting %s', (_name, lastEventId) => {
    const hub = createMemoryHub({ epoch: 'e1' })
    hub.publish(patch(1))
    const client = collect()
    expect(hub.subscribe(client.deliver, lastEventId).catchUp).toBe('resync')
    expect(client.types()).toEqual(['resync'])
  })

  it('bounds the buffer by bytes as well as by count', () => {
    const hub = createMemoryHub({ epoch: 'e1', maxBytes: 200 })
    const seen = hub.publish(patch(1))
    const page: PushEvent = { type: 'view', key: 'limit=50', total: 1, conversations: ['x'.repeat(300)] }
    hub.publish(page)
    hub.publish(page)
    expect(hub.subscribe(collect().deliver, seen).catchUp).toBe('resync')
  })

  it('broadcasts snapshots without an id and without keeping them', () => {
    const hub = createMemoryHub({ epoch: 'e1' })
    const live = collect()
    hub.subscribe(live.deliver)
    const seen = hub.publish(patch(1))
    hub.broadcast({ type: 'presence', present: [] })
    expect(live.frames[1]).toEqual({ data: '{"type":"presence","present":[]}' })
    const late = collect()
    expect(hub.subscribe(late.deliver, seen).catchUp).toBe('current')
    expect(late.frames).toEqual([])
  })

  it('stops delivering after unsubscribe', () => {
    const hub = createMemoryHub({ epoch: 'e1' })
    const client = collect()
    const subscription = hub.subscribe(client.deliver)
    expect(hub.subscribers).toBe(1)
    subscription.unsubscribe()
    hub.publish(patch(1))
    expect(client.frames).toEqual([])
    expect(hub.subscribers).toBe(0)
  })
})
