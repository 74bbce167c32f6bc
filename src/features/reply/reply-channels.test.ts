import { describe, expect, it } from 'vitest'
import type { Message } from '../../api/schemas/message'
import { replyTarget, sendChannelLabel } from './reply-channels'

const inbound = (id: string, messageType: string): Message => ({ id, messageType, direction: 'inbound' })
const outbound = (id: string, messageType: string): Message => ({ id, messageType, direction: 'outbound' })
const both = { phone: '+15550100', email: 'ana@example.com' }

describe('replyTarget', () => {
  it('starts on the channel the customer last wrote on, not on the last one we used', () => {
    const messages = [outbound('m3', 'TYPE_SMS'), inbound('m2', 'TYPE_EMAIL'), inbound('m1', 'TYPE_SMS')]
    expect(replyTarget(both, 'TYPE_PHONE', messages)).toEqual({
      kind: 'channels',
      channels: ['SMS', 'Email', 'WhatsApp'],
      defaultChannel: 'Email',
    })
  })

  it('offers only channels that reach the contact: no phone, no SMS or WhatsApp; no email, no Email', () => {
    expect(replyTarget({ email: 'a@b.c' }, 'TYPE_PHONE', [inbound('m1', 'TYPE_SMS')])).toEqual({
      kind: 'channels',
      channels: ['Email'],
      defaultChannel: 'Email',
    })
    expect(replyTarget({ phone: '+1' }, 'TYPE_EMAIL', [])).toMatchObject({ channels: ['SMS', 'WhatsApp'], defaultChannel: 'SMS' })
  })

  it('offers Facebook, Instagram and chat only where the customer wrote on them', () => {
    const target = replyTarget({}, null, [inbound('m2', 'TYPE_INSTAGRAM'), inbound('m1', 'TYPE_WEBCHAT')])
    expect(target).toEqual({ kind: 'channels', channels: ['IG', 'Live_Chat'], defaultChannel: 'IG' })
    expect(replyTarget({}, 3, [])).toEqual({ kind: 'channels', channels: ['FB'], defaultChannel: 'FB' })
  })

  it('falls back on the conversation’s channel when no message says, ignoring activity', () => {
    expect(replyTarget(both, 'TYPE_EMAIL', [inbound('a1', 'TYPE_ACTIVITY_APPOINTMENT')])).toMatchObject({ defaultChannel: 'Email' })
    expect(replyTarget(both, 1, [])).toMatchObject({ defaultChannel: 'SMS' })
  })

  it('sends calls, reviews, Google Business and custom providers to HighLevel', () => {
    expect(replyTarget(both, 'TYPE_PHONE', [inbound('m1', 'TYPE_CALL')])).toEqual({
      kind: 'elsewhere',
      channelLabel: 'Call',
      channels: ['SMS', 'Email', 'WhatsApp'],
    })
    expect(replyTarget({}, 'TYPE_REVIEW', [])).toMatchObject({ kind: 'elsewhere', channelLabel: 'Review' })
    expect(replyTarget(both, null, [inbound('m1', 'TYPE_GMB')])).toMatchObject({ kind: 'elsewhere' })
    expect(replyTarget(both, null, [inbound('m1', 'TYPE_CUSTOM_PROVIDER_SMS')])).toMatchObject({ kind: 'elsewhere' })
  })

  it('says when nothing reaches the contact', () => {
    expect(replyTarget({ phone: ' ' }, 'TYPE_PHONE', [])).toEqual({ kind: 'unreachable' })
  })

  it('labels channels from the shared table', () => {
    expect(sendChannelLabel('Live_Chat')).toBe('Live chat')
    expect(sendChannelLabel('FB')).toBe('Facebook')
  })
})
