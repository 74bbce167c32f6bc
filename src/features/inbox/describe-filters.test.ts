import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW } from '../../api/schemas/search-view'
import { describeFilters } from './describe-filters'

const names = (id: string) => ({ u1: 'Ana Lima' })[id] ?? id

describe('describeFilters', () => {
  it('says nothing for the default view', () => {
    expect(describeFilters(DEFAULT_VIEW, names)).toEqual([])
  })

  it('names every filter that is on, with people by name', () => {
    const filters = describeFilters(
      {
        ...DEFAULT_VIEW,
        query: 'refund',
        status: 'unread',
        assignedTo: ['u1', 'unassigned'],
        lastMessageType: 'TYPE_WHATSAPP',
        lastMessageDirection: 'inbound',
        scoreProfileMin: 10,
      },
      names,
    )
    expect(filters).toEqual([
      'Search “refund”',
      'Status: Unread',
      'Assigned to: Ana Lima, Unassigned',
      'Channel: WhatsApp',
      'Last message: inbound',
      'Score 10–…',
    ])
  })
})
