import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, type SearchView, type ViewParam } from '../api/schemas/search-view'
import { toApiParams } from '../api/search-params'
import { isDefault, paramSpec, VIEW_PARAM_NAMES } from './params'
import { parseView, toUrlSearch } from './view-url'

/** A value other than the default for every parameter: the compiler asks for one when a parameter is added. */
const SAMPLES: { [K in ViewParam]-?: NonNullable<SearchView[K]> } = {
  query: 'refund & more',
  status: 'starred',
  assignedTo: ['u1', 'unassigned'],
  followers: ['u2'],
  mentions: ['u3', 'u4'],
  lastMessageType: 'TYPE_FACEBOOK',
  lastMessageDirection: 'outbound',
  lastMessageAction: 'automated',
  startDate: 1_761_955_200_000,
  endDate: 1_762_041_599_999,
  contactId: 'contact1',
  id: 'conversation1',
  scoreProfile: 'profile1',
  scoreProfileMin: -2.5,
  scoreProfileMax: 80,
  sortBy: 'score_profile',
  sortScoreProfile: 'profile2',
  sort: 'asc',
  limit: 20,
}

describe('every declared parameter', () => {
  it.each(VIEW_PARAM_NAMES)('%s round-trips URL → view → URL, and reaches the API query as written', (name) => {
    const view: SearchView = { ...DEFAULT_VIEW, [name]: SAMPLES[name] }
    const written = (paramSpec(name).write as (value: unknown) => string)(SAMPLES[name])
    const search = toUrlSearch(view)
    expect(new URLSearchParams(search).get(name)).toBe(written)
    expect([...new URLSearchParams(search).keys()]).toEqual([name])
    expect(parseView(new URLSearchParams(search))).toEqual({ view, issues: [] })
    expect(toApiParams(view).get(name)).toBe(written)
  })

  it.each(VIEW_PARAM_NAMES)('%s leaves its default out of the URL, and the API still gets it', (name) => {
    const spec = paramSpec(name)
    expect(isDefault(name, DEFAULT_VIEW[name])).toBe(true)
    expect(isDefault(name, SAMPLES[name])).toBe(false)
    expect(toUrlSearch(DEFAULT_VIEW)).toBe('')
    if (spec.default === undefined) {
      expect(DEFAULT_VIEW[name]).toBeUndefined()
      expect(toApiParams(DEFAULT_VIEW).has(name)).toBe(false)
    } else {
      expect(DEFAULT_VIEW[name]).toBe(spec.default)
      expect(toApiParams(DEFAULT_VIEW).get(name)).toBe(String(spec.default))
    }
  })
})
