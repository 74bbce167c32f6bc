import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, type SearchView } from '../api/schemas/search-view'
import { removalSuggestions } from './removal-suggestions'
import { viewChips } from './view-chips'

const context = { userName: (id: string) => ({ u1: 'Dana Reyes' })[id] ?? id }
const suggest = (view: SearchView) => removalSuggestions(view, viewChips(view, context))

describe('removalSuggestions', () => {
  it('offers each filter of the view, and the view without it', () => {
    const view: SearchView = { ...DEFAULT_VIEW, query: 'zz', status: 'unread' }
    expect(suggest(view).map(({ name, remove, without }) => ({ name, remove, without }))).toEqual([
      { name: 'Search: “zz”', remove: { query: undefined }, without: { ...DEFAULT_VIEW, query: undefined, status: 'unread' } },
      { name: 'Status: Unread', remove: { status: undefined }, without: { ...DEFAULT_VIEW, query: 'zz', status: undefined } },
    ])
  })

  it('removes one user of a list at a time', () => {
    const [first] = suggest({ ...DEFAULT_VIEW, assignedTo: ['u1', 'unassigned'] })
    expect(first?.name).toBe('Assignee: Dana Reyes')
    expect(first?.without.assignedTo).toEqual(['unassigned'])
  })

  it('leaves out order and page size, which never empty a view', () => {
    const view: SearchView = { ...DEFAULT_VIEW, status: 'starred', sort: 'asc', sortBy: 'score_profile', limit: 10 }
    expect(suggest(view).map((suggestion) => suggestion.name)).toEqual(['Status: Starred'])
  })

  it('has nothing to offer for the plain inbox', () => {
    expect(suggest(DEFAULT_VIEW)).toEqual([])
  })
})
