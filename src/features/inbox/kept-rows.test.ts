import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../api/schemas/conversation'
import { keepRows } from './kept-rows'

const row = (id: string, unreadCount = 1): Conversation => ({ id, contactId: `k${id}`, locationId: 'loc', unreadCount })
const ids = (rows: Conversation[]) => rows.map((conversation) => conversation.id)

describe('keepRows', () => {
  it('puts a row acted on back where it was when a refetch drops it, with its change drawn', () => {
    const previous = [row('a'), row('b'), row('c'), row('d')]
    const next = [row('a'), row('c'), row('d'), row('e')]
    const shown = keepRows(previous, next, new Map([['b', { unreadCount: 0 }]]))
    expect(ids(shown)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(shown[1]?.unreadCount).toBe(0)
  })

  it('keeps a dropped first row at the top, and leaves rows nobody acted on to the refetch', () => {
    const previous = [row('a'), row('b'), row('c')]
    const shown = keepRows(previous, [row('c')], new Map([['a', { starred: true }]]))
    expect(ids(shown)).toEqual(['a', 'c'])
  })

  it('returns the refetched list itself when nothing is kept or nothing was dropped', () => {
    const next = [row('a'), row('b')]
    expect(keepRows([row('a')], next, new Map())).toBe(next)
    expect(keepRows(next, next, new Map([['a', { unreadCount: 0 }]]))).toBe(next)
  })
})
