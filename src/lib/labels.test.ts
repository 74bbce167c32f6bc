import { describe, expect, it } from 'vitest'
import { MESSAGE_TYPES } from '../api/schemas/enums'
import { CHANNEL_OPTIONS, channelGroup, conversationChannel, conversationTypeLabel, messageTypeLabel } from './labels'

describe('channels', () => {
  it('puts each of the 42 message types in exactly one group', () => {
    const grouped = CHANNEL_OPTIONS.flatMap((group) => group.types.map((type) => type.value))
    expect(grouped).toHaveLength(MESSAGE_TYPES.length)
    expect(new Set(grouped)).toEqual(new Set(MESSAGE_TYPES))
  })

  it('has no empty group and no repeated label within a group', () => {
    for (const group of CHANNEL_OPTIONS) {
      expect(group.types.length).toBeGreaterThan(0)
      expect(new Set(group.types.map((type) => type.label)).size).toBe(group.types.length)
    }
  })

  it('labels known types for people and unknown ones readably', () => {
    expect(messageTypeLabel('TYPE_SMS')).toBe('SMS')
    expect(channelGroup('TYPE_CAMPAIGN_EMAIL')).toBe('campaigns')
    expect(messageTypeLabel('TYPE_CARRIER_PIGEON')).toBe('carrier pigeon')
    expect(channelGroup('TYPE_CARRIER_PIGEON')).toBeUndefined()
    expect(messageTypeLabel(undefined)).toBe('Message')
  })

  it('reads the same in a row, a message and the channel filter, for every message type', () => {
    for (const group of CHANNEL_OPTIONS) {
      for (const type of group.types) {
        expect(conversationChannel({ lastMessageType: type.value }).label).toBe(type.label)
        expect(messageTypeLabel(type.value)).toBe(type.label)
      }
    }
    expect(messageTypeLabel('TYPE_FACEBOOK')).toBe('Facebook Messenger')
    expect(messageTypeLabel('TYPE_GMB')).toBe('Google Business message')
    expect(messageTypeLabel('TYPE_ACTIVITY_APPOINTMENT')).toBe('Appointment')
  })
})

describe('conversation types', () => {
  it('names channels from numbers and from TYPE_ names alike, and shows unknown ones as they are', () => {
    expect(conversationTypeLabel(2)).toBe('Email')
    expect(conversationTypeLabel(3)).toBe('Facebook Messenger')
    expect(conversationTypeLabel('TYPE_FB_MESSENGER')).toBe('Facebook Messenger')
    expect(conversationTypeLabel(6)).toBe('Internal chat')
    expect(conversationTypeLabel(9)).toBe('9')
    expect(conversationTypeLabel(null)).toBeUndefined()
  })

  it('stands in for the channel of a conversation with no message yet', () => {
    expect(conversationChannel({ lastMessageType: null, type: 'TYPE_PHONE' }).label).toBe('Phone')
    expect(conversationChannel({ type: 'TYPE_NEW_THING' }).label).toBe('new thing')
    expect(conversationChannel({}).label).toBe('Other')
  })
})
