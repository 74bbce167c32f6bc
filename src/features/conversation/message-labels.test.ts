import { describe, expect, it } from 'vitest'
import { channelLabel, formatMessageDate, messageTypeLabel } from './message-labels'

describe('message labels', () => {
  it('names message types readably', () => {
    expect(messageTypeLabel('TYPE_SMS')).toBe('SMS')
    expect(messageTypeLabel('TYPE_ACTIVITY_APPOINTMENT')).toBe('Activity appointment')
    expect(messageTypeLabel('TYPE_CAMPAIGN_GMB')).toBe('Campaign GMB')
    expect(messageTypeLabel(undefined)).toBe('Message')
  })

  it('names channels from numbers and from TYPE_ names, and shows unknown ones as they are', () => {
    expect(channelLabel(2)).toBe('Email')
    expect(channelLabel('TYPE_FB_MESSENGER')).toBe('Facebook Messenger')
    expect(channelLabel(9)).toBe('9')
    expect(channelLabel(null)).toBeUndefined()
  })

  it('formats only real dates', () => {
    expect(formatMessageDate('2026-11-02T15:00:00.000Z')).toMatch(/2026/)
    expect(formatMessageDate('yesterday')).toBeUndefined()
    expect(formatMessageDate(null)).toBeUndefined()
  })
})
