import { describe, expect, it } from 'vitest'
import { MESSAGE_TYPES } from '../../src/api/schemas/enums'
import { conversationSchema } from '../../src/api/schemas/conversation'
import { bodyKindOf } from './channels'
import { generateLocation } from './generate'
import { conversationWire } from './wire'

const NOW = Date.parse('2025-06-01T12:00:00Z')
const location = generateLocation({ seed: 1, label: 'test', conversations: 10_000, userCount: 12, now: NOW })
const rows = location.rows

describe('generated data', () => {
  it('is the same for a seed and different for another', () => {
    const again = generateLocation({ seed: 1, label: 'test', conversations: 50, userCount: 12, now: NOW })
    const other = generateLocation({ seed: 2, label: 'test', conversations: 50, userCount: 12, now: NOW })
    expect(again.rows.map((row) => row.id)).toEqual(rows.slice(0, 50).map((row) => row.id))
    expect(again.token).toBe(location.token)
    expect(other.rows[0]?.id).not.toBe(rows[0]?.id)
  })

  it('uses every message type of the shared enum, SMS most', () => {
    const counts = new Map<string, number>()
    for (const row of rows) counts.set(row.lastMessageType, (counts.get(row.lastMessageType) ?? 0) + 1)
    for (const type of MESSAGE_TYPES) expect(counts.get(type), type).toBeGreaterThan(0)
    const sms = counts.get('TYPE_SMS') ?? 0
    expect(Math.max(...counts.values())).toBe(sms)
  })

  it('sends calls and voicemails with empty bodies and emails as HTML', () => {
    const kinds = rows.map((row) => [bodyKindOf(row.lastMessageType), row.lastMessageBody] as const)
    expect(kinds.filter(([kind, body]) => kind === 'empty' && body !== '')).toEqual([])
    expect(kinds.filter(([kind, body]) => kind === 'email' && !body.startsWith('<div'))).toEqual([])
  })

  it('keeps dates consistent and before the start time', () => {
    const wrong = rows.filter(
      (row) =>
        row.lastMessageDate >= NOW ||
        row.dateAdded > row.lastMessageDate ||
        (row.lastManualMessageDate ?? 0) > row.lastMessageDate ||
        (row.lastMessageDirection === 'outbound' && row.lastOutboundMessageAction === undefined),
    )
    expect(wrong).toEqual([])
  })

  it('has campaign bursts: runs of 2 to 50 equal dates', () => {
    const counts = new Map<number, number>()
    for (const row of rows) counts.set(row.lastMessageDate, (counts.get(row.lastMessageDate) ?? 0) + 1)
    const runs = [...counts.values()].filter((count) => count > 1)
    expect(runs.length).toBeGreaterThan(20)
    expect(Math.max(...runs)).toBeLessThanOrEqual(50)
  })

  it('has many equal scores', () => {
    const zeros = rows.filter((row) => row.scoring.some((entry) => entry.score === 0)).length
    expect(zeros).toBeGreaterThan(rows.length / 10)
  })

  it('produces conversations the shared schema accepts, with the spec’s 11 fields', () => {
    for (const row of rows.slice(0, 500)) {
      const wire = conversationWire(row, [row.lastMessageDate])
      expect(conversationSchema.safeParse(wire).success).toBe(true)
      for (const field of ['id', 'contactId', 'locationId', 'lastMessageBody', 'lastMessageType', 'type', 'unreadCount', 'fullName', 'contactName', 'email', 'phone']) {
        expect(wire).toHaveProperty(field)
      }
    }
  })

  it('gives some contacts two or three conversations, sharing the contact’s owner and details', () => {
    const byContact = new Map<string, typeof rows>()
    for (const row of rows) byContact.set(row.contactId, [...(byContact.get(row.contactId) ?? []), row])
    const sizes = [...byContact.values()].map((group) => group.length)
    expect(sizes.filter((size) => size === 2).length).toBeGreaterThan(rows.length / 40)
    expect(sizes.filter((size) => size === 3).length).toBeGreaterThan(rows.length / 500)
    expect(Math.max(...sizes)).toBe(3)
    for (const group of byContact.values()) {
      const [first] = group
      for (const row of group) expect([row.assignedTo, row.phone, row.email, row.fullName]).toEqual([first?.assignedTo, first?.phone, first?.email, first?.fullName])
    }
  })

  it('handles zero conversations', () => {
    expect(generateLocation({ seed: 1, label: 'empty', conversations: 0, userCount: 3, now: NOW }).rows).toEqual([])
  })
})
