import { describe, expect, it } from 'vitest'
import { MESSAGE_TYPES } from '../api/schemas/enums'
import { CHANNEL_OPTIONS, channelGroup, channelLabel } from './channels'

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
    expect(channelLabel('TYPE_SMS')).toBe('SMS')
    expect(channelGroup('TYPE_CAMPAIGN_EMAIL')).toBe('campaigns')
    expect(channelLabel('TYPE_CARRIER_PIGEON')).toBe('carrier pigeon')
    expect(channelGroup('TYPE_CARRIER_PIGEON')).toBeUndefined()
  })
})
