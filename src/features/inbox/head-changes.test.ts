import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../api/schemas/conversation'
import { applyUpdates, compareHead, indexById, NO_HEAD_CHANGES } from './head-changes'

function conversation(id: string, date: number, unreadCount = 0): Conversation {
  return { id, contactId: `c-${id}`, locationId: 'loc', sort: [date], lastMessageDate: date, unreadCount }
}

function compare(head: Conversation[], list: Conversation[]) {
  return compareHead(head, list, indexById(list))
}

const list = [conversation('a', 50), conversation('b', 40), conversation('c', 30), conversation('d', 20)]

describe('compareHead', () => {
  it('finds nothing when the first page is what the list starts with', () => {
    expect(compare(list.slice(0, 3), list)).toBe(NO_HEAD_CHANGES)
  })

  it('counts conversations the list does not hold as new', () => {
    const changes = compare([conversation('x', 70), conversation('y', 60), ...list.slice(0, 2)], list)
    expect(changes).toMatchObject({ newCount: 2, more: false })
    expect(changes.updates.size).toBe(0)
  })

  it('counts a row that moved up as new, not as an update', () => {
    const changes = compare([conversation('c', 80, 1), conversation('a', 50), conversation('b', 40)], list)
    expect(changes.newCount).toBe(1)
    expect(changes.updates.size).toBe(0)
  })

  it('updates a row in place when its place is kept', () => {
    const head = [conversation('a', 50), conversation('b', 40, 3), conversation('c', 30)]
    const changes = compare(head, list)
    expect(changes.newCount).toBe(0)
    expect([...changes.updates.keys()]).toEqual(['b'])
    const shown = applyUpdates(list, changes.updates)
    expect(shown.map((row) => row.unreadCount)).toEqual([0, 3, 0, 0])
    expect(shown[0]).toBe(list[0])
  })

  it('updates the top row in place when a new message keeps it on top', () => {
    const changes = compare([conversation('a', 90, 1), conversation('b', 40)], list)
    expect(changes.newCount).toBe(0)
    expect(changes.updates.get('a')?.unreadCount).toBe(1)
  })

  it('says there may be more when the whole first page is new', () => {
    expect(compare([conversation('x', 70), conversation('y', 60)], list)).toMatchObject({ newCount: 2, more: true })
  })

  it('leaves the list as it is without updates', () => {
    expect(applyUpdates(list, new Map())).toBe(list)
  })
})
