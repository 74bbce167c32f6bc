import { describe, expect, it } from 'vitest'
import { parsePushEvent, presenceHeartbeatSchema, viewKey } from './push-events'

describe('parsePushEvent', () => {
  it('reads a conversation patch with only the changed fields', () => {
    expect(parsePushEvent('{"type":"conversation","id":"e1-1","patch":{"id":"conv0001","starred":true}}')).toEqual({
      type: 'conversation',
      id: 'e1-1',
      patch: { id: 'conv0001', starred: true },
    })
  })

  it.each(['not json', '{"type":"from-the-future"}', '{"type":"bulk","jobId":"j"}'])('drops %s', (data) => {
    expect(parsePushEvent(data)).toBeUndefined()
  })
})

describe('viewKey', () => {
  it('is the same for the same view whatever the order, without paging or location', () => {
    const a = new URLSearchParams('status=unread&limit=50&sort=desc&locationId=x&startAfterDate=5')
    const b = new URLSearchParams('sort=desc&limit=50&status=unread')
    expect(viewKey(a)).toBe('limit=50&sort=desc&status=unread')
    expect(viewKey(b)).toBe(viewKey(a))
  })
})

describe('presenceHeartbeatSchema', () => {
  it('accepts a tab id from crypto.randomUUID', () => {
    expect(presenceHeartbeatSchema.safeParse({ clientId: crypto.randomUUID() }).success).toBe(true)
  })
})
