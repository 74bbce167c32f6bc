import { describe, expect, it } from 'vitest'
import { conversationTypeOf, isOutboundOnlyType } from './channels'
import { arrive } from './live'
import { createTestClient } from './test-client'

/** Share of each value in a list. */
function mix(values: readonly string[]): Map<string, number> {
  const shares = new Map<string, number>()
  for (const value of values) shares.set(value, (shares.get(value) ?? 0) + 1 / values.length)
  return shares
}

describe('live arrivals', () => {
  // Generous timeout: 10,000 conversations and 2,000 arrivals on a shared, busy machine.
  it('arrive on the channel mix of the generated history: inbound types of the conversation’s channel, in its proportions', { timeout: 30_000 }, () => {
    const client = createTestClient({ conversations: 10_000 })
    const rows = client.state.stores[0]?.rows ?? []
    const phone = (type: string) => type === 'TYPE_PHONE' || type === 'TYPE_GROUP_SMS'
    const generated = rows.filter((row) => phone(row.type) && row.lastMessageDirection === 'inbound').map((row) => row.lastMessageType)

    const arrived: { type: string; channel: string }[] = []
    for (let burst = 0; burst < 2; burst++) {
      const result = arrive(client.state, { count: 1000 })
      if (!result.ok) throw new Error(result.message)
      for (const arrival of result.arrived) arrived.push({ type: arrival.lastMessageType, channel: client.state.stores[0]?.find(arrival.id)?.type ?? '' })
    }
    for (const { type, channel } of arrived) {
      expect(isOutboundOnlyType(type), type).toBe(false)
      expect(conversationTypeOf(type), `${type} on ${channel}`).toBe(phone(channel) ? 'TYPE_PHONE' : channel)
    }
    const expected = mix(generated)
    const actual = mix(arrived.filter(({ channel }) => phone(channel)).map(({ type }) => type))
    // Total variation distance between the two mixes: 0 is identical, 1 disjoint.
    let distance = 0
    for (const type of new Set([...expected.keys(), ...actual.keys()])) distance += Math.abs((expected.get(type) ?? 0) - (actual.get(type) ?? 0)) / 2
    expect(distance).toBeLessThan(0.08)
    expect([...actual].sort((a, b) => b[1] - a[1])[0]?.[0]).toBe('TYPE_SMS')
    expect(actual.get('TYPE_WHATSAPP')).toBeGreaterThan(0)
    expect(actual.get('TYPE_CALL')).toBeGreaterThan(0)
  })
})
