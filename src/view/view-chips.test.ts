import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW } from '../api/schemas/search-view'
import { viewChips, viewTitle, withUnreadCount } from './view-chips'

const context = { userName: (id: string) => ({ u1: 'Dana Reyes' })[id] ?? id }

describe('viewChips', () => {
  it('has no chips for the plain inbox', () => {
    expect(viewChips(DEFAULT_VIEW, context)).toEqual([])
  })

  it('shows users by name, unknown ids as the id, and removes one user at a time', () => {
    const chips = viewChips({ ...DEFAULT_VIEW, assignedTo: ['u1', 'ghost', 'unassigned'] }, context)
    expect(chips.map((chip) => chip.text)).toEqual(['Dana Reyes', 'ghost', 'Unassigned'])
    expect(chips[0]?.remove).toEqual({ assignedTo: ['ghost', 'unassigned'] })
  })

  it('removes the last user of a list entirely', () => {
    const [chip] = viewChips({ ...DEFAULT_VIEW, followers: ['u1'] }, context)
    expect(chip?.remove).toEqual({ followers: undefined })
  })

  it('labels enums for people and puts defaults back when a sort chip is removed', () => {
    const chips = viewChips({ ...DEFAULT_VIEW, status: 'unread', lastMessageType: 'TYPE_SMS', sort: 'asc' }, context)
    expect(chips.map((chip) => `${chip.label}: ${chip.text}`)).toEqual(['Status: Unread', 'Channel: SMS', 'Order: Oldest first'])
    expect(chips[2]?.remove).toEqual({ sort: 'desc' })
  })
})

describe('viewTitle', () => {
  it('names the plain inbox plainly', () => {
    expect(viewTitle([])).toBe('Inbox')
  })

  it('names a view by its first filters', () => {
    const chips = viewChips({ ...DEFAULT_VIEW, status: 'unread', assignedTo: ['u1'], query: 'refund', limit: 20 }, context)
    expect(viewTitle(chips)).toBe('Search: “refund” · Status: Unread · Assignee: Dana Reyes +1 — Inbox')
  })
})

describe('withUnreadCount', () => {
  it('leads the title with the unread count', () => {
    expect(withUnreadCount('Status: Unread — Inbox', 1234)).toBe('(1,234) Status: Unread — Inbox')
  })

  it('leaves the title alone while the count is unknown or nothing is unread', () => {
    expect(withUnreadCount('Inbox', undefined)).toBe('Inbox')
    expect(withUnreadCount('Inbox', 0)).toBe('Inbox')
  })
})
