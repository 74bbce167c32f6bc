import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW } from './schemas/search-view'
import { toApiParams } from './search-params'

describe('toApiParams', () => {
  it('sends the defaults, so the API never falls back to its own', () => {
    expect(toApiParams(DEFAULT_VIEW).toString()).toBe('sort=desc&sortBy=last_message_date&limit=50')
  })

  it('joins lists with commas and adds the cursor as startAfterDate', () => {
    const params = toApiParams({ ...DEFAULT_VIEW, assignedTo: ['u1', 'unassigned'] }, [1700000000000, 42])
    expect(params.get('assignedTo')).toBe('u1,unassigned')
    expect(params.get('startAfterDate')).toBe('1700000000000,42')
  })

  it('leaves out what the view does not set', () => {
    expect(toApiParams({ ...DEFAULT_VIEW, query: undefined }).has('query')).toBe(false)
  })
})
