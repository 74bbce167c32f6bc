import { describe, expect, it } from 'vitest'
import type { CompletedWrite } from '../proxy/forward.ts'
import { effectsOf } from './write-events.ts'

const NOW = 1_750_000_000_000
const write = (fields: Partial<CompletedWrite>): CompletedWrite => ({
  method: 'PUT',
  member: 'conversation',
  id: 'conv00000001',
  body: {},
  answer: { success: true },
  by: 'tab-ann-00000001',
  ...fields,
})

describe('effectsOf', () => {
  it('turns a read/unread or star into a conversation patch of the written fields only', () => {
    const effects = effectsOf(write({ body: { locationId: 'loc1234567', unreadCount: 0 } }), NOW)
    expect(effects).toEqual({
      target: { conversationId: 'conv00000001' },
      fields: { unreadCount: 0 },
      events: [{ type: 'conversation', patch: { id: 'conv00000001', unreadCount: 0 }, by: 'tab-ann-00000001' }],
    })
    expect(effectsOf(write({ body: { starred: true }, by: undefined }), NOW)?.events).toEqual([
      { type: 'conversation', patch: { id: 'conv00000001', starred: true } },
    ])
  })

  it('turns an assignment into a contact patch, null for unassigned', () => {
    expect(effectsOf(write({ member: 'contact', id: 'contact00001', body: { assignedTo: null } }), NOW)).toEqual({
      target: { contactId: 'contact00001' },
      fields: { assignedTo: null },
      events: [{ type: 'contact', patch: { contactId: 'contact00001', assignedTo: null }, by: 'tab-ann-00000001' }],
    })
  })

  it("turns a reply into a message event and the conversation's last-message fields", () => {
    const reply = write({
      method: 'POST',
      member: 'contact',
      id: undefined,
      body: { type: 'SMS', contactId: 'contact00001', message: 'On my way' },
      answer: { conversationId: 'conv00000001', messageId: 'msg000000001' },
    })
    const effects = effectsOf(reply, NOW)
    const fields = { lastMessageType: 'TYPE_SMS', lastMessageDate: NOW, lastMessageDirection: 'outbound', dateUpdated: NOW, lastMessageBody: 'On my way' }
    expect(effects).toEqual({
      target: { conversationId: 'conv00000001' },
      fields,
      events: [
        {
          type: 'message',
          message: { id: 'msg000000001', conversationId: 'conv00000001', direction: 'outbound', messageType: 'TYPE_SMS', dateAdded: NOW, body: 'On my way' },
          by: 'tab-ann-00000001',
        },
        { type: 'conversation', patch: { id: 'conv00000001', ...fields }, by: 'tab-ann-00000001' },
      ],
    })
  })

  it('says nothing of a reply whose answer names no conversation or message', () => {
    expect(effectsOf(write({ method: 'POST', member: 'contact', body: { type: 'Email', contactId: 'c', html: '<p>x</p>' }, answer: { messageIds: ['a'] } }), NOW)).toBeUndefined()
  })
})
