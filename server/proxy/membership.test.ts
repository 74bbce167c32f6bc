import { describe, expect, it } from 'vitest'
import { createMembership } from './membership.ts'

const LOCATION = 'loc1234567'

describe('createMembership', () => {
  it('records conversations and contacts from a pinned search, skipping any naming another location', () => {
    const membership = createMembership(LOCATION)
    membership.record('search', {
      conversations: [
        { id: 'conv00001', contactId: 'cont00001', locationId: LOCATION },
        { id: 'conv00002', contactId: 'cont00002' },
        { id: 'conv00003', contactId: 'cont00003', locationId: 'elsewhere1' },
        null,
        'junk',
      ],
    })
    expect(membership.knows('conversation', 'conv00001')).toBe(true)
    expect(membership.knows('contact', 'cont00002')).toBe(true)
    expect(membership.knows('conversation', 'conv00003')).toBe(false)
    expect(membership.knows('contact', 'cont00003')).toBe(false)
  })

  it('records a conversation fetched by id only when it names the pinned location', () => {
    const membership = createMembership(LOCATION)
    membership.record('conversation', { id: 'conv00001', contactId: 'cont00001' })
    expect(membership.knows('conversation', 'conv00001')).toBe(false)
    membership.record('conversation', { id: 'conv00001', contactId: 'cont00001', locationId: LOCATION })
    expect(membership.knows('contact', 'cont00001')).toBe(true)
  })

  it('keeps at most `max` ids per kind, forgetting the least recently seen', () => {
    const membership = createMembership(LOCATION, 2)
    membership.add('conversation', 'a')
    membership.add('conversation', 'b')
    membership.add('conversation', 'a')
    membership.add('conversation', 'c')
    expect(membership.knows('conversation', 'a')).toBe(true)
    expect(membership.knows('conversation', 'b')).toBe(false)
    expect(membership.knows('conversation', 'c')).toBe(true)
  })
})
