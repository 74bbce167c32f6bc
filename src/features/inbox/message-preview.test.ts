import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../api/schemas/conversation'
import { messagePreview } from './message-preview'

const conversation = (fields: Partial<Conversation>): Conversation => ({
  id: 'c1',
  contactId: 'k1',
  locationId: 'l1',
  ...fields,
})

describe('messagePreview', () => {
  it('shows plain text bodies on one line', () => {
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_SMS', lastMessageBody: 'a\n\n  b' }))).toEqual({
      kind: 'text',
      text: 'a b',
    })
  })

  it('does not treat text messages as HTML', () => {
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_SMS', lastMessageBody: 'I <3 you <b>' })).text).toBe(
      'I <3 you <b>',
    )
  })

  it('names calls and voicemails that have no body', () => {
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_CALL', lastMessageDirection: 'inbound' }))).toEqual({
      kind: 'call',
      text: 'Incoming call',
    })
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_IVR_CALL', lastMessageDirection: 'outbound', lastMessageBody: '' })).text).toBe(
      'Outgoing call',
    )
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_CAMPAIGN_VOICEMAIL', lastMessageBody: ' ' })).kind).toBe('voicemail')
  })

  it('says so when there is nothing to show', () => {
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_EMAIL', lastMessageBody: '<p> </p>' })).kind).toBe('empty')
  })
})

describe('messagePreview of a huge body', () => {
  it('reads only the start and keeps one short line', () => {
    const body = `<p>${'word '.repeat(200_000)}</p>`
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_EMAIL', lastMessageBody: body })).text.length).toBeLessThanOrEqual(281)
  })
})
