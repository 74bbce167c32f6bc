import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DIRECTIONS, MESSAGE_ACTIONS, MESSAGE_TYPES, SORT_BYS, SORT_ORDERS, STATUSES } from '../api/schemas/enums'
import { DEFAULT_VIEW, MAX_QUERY_LENGTH, type SearchView } from '../api/schemas/search-view'
import { toApiParams } from '../api/search-params'
import { parseView, toUrlSearch } from './view-url'

const parse = (search: string) => parseView(new URLSearchParams(search))

describe('parseView', () => {
  it('reads the plain inbox as the defaults, with nothing to report', () => {
    expect(parse('')).toEqual({ view: DEFAULT_VIEW, issues: [] })
  })

  it('reads every parameter in the API’s names and formats', () => {
    const { view, issues } = parse(
      'query=invoice+due&status=unread&assignedTo=u1,unassigned&followers=u2&mentions=u3,u4' +
        '&lastMessageType=TYPE_EMAIL&lastMessageDirection=inbound&lastMessageAction=manual' +
        '&startDate=1761955200000&endDate=1762041599999&contactId=c1&id=conv1&scoreProfile=sp1' +
        '&scoreProfileMin=10&scoreProfileMax=80.5&sortBy=score_profile&sortScoreProfile=sp1&sort=asc&limit=20',
    )
    expect(issues).toEqual([])
    expect(view).toEqual({
      query: 'invoice due',
      status: 'unread',
      assignedTo: ['u1', 'unassigned'],
      followers: ['u2'],
      mentions: ['u3', 'u4'],
      lastMessageType: 'TYPE_EMAIL',
      lastMessageDirection: 'inbound',
      lastMessageAction: 'manual',
      startDate: 1761955200000,
      endDate: 1762041599999,
      contactId: 'c1',
      id: 'conv1',
      scoreProfile: 'sp1',
      scoreProfileMin: 10,
      scoreProfileMax: 80.5,
      sortBy: 'score_profile',
      sortScoreProfile: 'sp1',
      sort: 'asc',
      limit: 20,
    })
  })

  it('treats status=all and empty values as absent, silently', () => {
    expect(parse('status=all&query=&assignedTo=,')).toEqual({ view: DEFAULT_VIEW, issues: [] })
  })

  it.each([
    ['status=bogus', 'status', /not a status/],
    ['sort=sideways', 'sort', /not a sort order/],
    ['sortBy=due_at', 'sortBy', /not a sort field/],
    ['lastMessageType=TYPE_PIGEON', 'lastMessageType', /not a known channel/],
    ['lastMessageDirection=up', 'lastMessageDirection', /not a direction/],
    ['lastMessageAction=maybe', 'lastMessageAction', /not a message action/],
    ['limit=-5', 'limit', /from 1 to 100/],
    ['limit=0', 'limit', /from 1 to 100/],
    ['limit=2.5', 'limit', /whole number/],
    ['limit=ten', 'limit', /whole number/],
    ['scoreProfileMin=high', 'scoreProfileMin', /not a number/],
    ['scoreProfileMax=1e9', 'scoreProfileMax', /not a number/],
    ['startDate=yesterday', 'startDate', /not a date/],
    ['endDate=-1', 'endDate', /not a date/],
    ['contactId=a%20b', 'contactId', /not a valid contact id/],
    ['id=%3Cscript%3E', 'id', /not a valid conversation id/],
    ['scoreProfile=x/y', 'scoreProfile', /not a valid score profile id/],
    ['sortScoreProfile=x.y', 'sortScoreProfile', /not a valid score profile id/],
    ['locationId=other', 'locationId', /set by the server/],
    ['startAfterDate=123', 'startAfterDate', /paging cursor/],
    ['utm_source=mail', 'utm_source', /not a filter/],
  ])('drops %s and says why', (search, param, message) => {
    const { view, issues } = parse(search)
    expect(view).toEqual(DEFAULT_VIEW)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.param).toBe(param)
    expect(issues[0]?.message).toMatch(/^ignored: /)
    expect(issues[0]?.message).toMatch(message)
  })

  it('caps an over-large page size and says so', () => {
    const { view, issues } = parse('limit=500')
    expect(view.limit).toBe(100)
    expect(issues).toEqual([{ param: 'limit', value: '500', message: 'corrected: more than 100; using 100' }])
  })

  it('shortens an over-long query and says so', () => {
    const { view, issues } = parse(`query=${'a'.repeat(MAX_QUERY_LENGTH + 50)}`)
    expect(view.query).toHaveLength(MAX_QUERY_LENGTH)
    expect(issues[0]?.message).toMatch(/^corrected: longer than 200 characters/)
  })

  it('keeps the good ids of a list and names the bad ones', () => {
    const { view, issues } = parse('assignedTo=u1,bad%20id,u2,u1')
    expect(view.assignedTo).toEqual(['u1', 'u2'])
    expect(issues).toEqual([{ param: 'assignedTo', value: 'u1,bad id,u2,u1', message: 'corrected: “bad id” is not a valid user id' }])
  })

  it('swaps a score range given upside down, and a date range too', () => {
    const { view, issues } = parse('scoreProfileMin=90&scoreProfileMax=10&startDate=2000&endDate=1000')
    expect(view).toMatchObject({ scoreProfileMin: 10, scoreProfileMax: 90, startDate: 1000, endDate: 2000 })
    // Reported in URL order, where the dates come first.
    expect(issues.map((issue) => issue.message)).toEqual([
      'corrected: startDate was above endDate; the two were swapped',
      'corrected: scoreProfileMin was above scoreProfileMax; the two were swapped',
    ])
  })

  it('uses the first of a repeated parameter', () => {
    const { view, issues } = parse('status=read&status=unread')
    expect(view.status).toBe('read')
    expect(issues).toEqual([{ param: 'status', value: 'unread', message: 'ignored: given more than once; the first is used' }])
  })

  it('never lets a bad value reach the API', () => {
    const { view } = parse('status=bogus&limit=-5&sort=sideways&lastMessageType=TYPE_NOPE&locationId=evil')
    expect(toApiParams(view).toString()).toBe('sort=desc&sortBy=last_message_date&limit=50')
  })
})

describe('toUrlSearch', () => {
  it('writes the plain inbox as an empty search', () => {
    expect(toUrlSearch(DEFAULT_VIEW)).toBe('')
  })

  it('leaves the defaults out and writes everything else', () => {
    expect(toUrlSearch({ ...DEFAULT_VIEW, status: 'unread', assignedTo: ['unassigned'] })).toBe('?status=unread&assignedTo=unassigned')
    expect(toUrlSearch({ ...DEFAULT_VIEW, sort: 'asc', limit: 20 })).toBe('?sort=asc&limit=20')
  })

  it('keeps list commas readable and encodes the query', () => {
    expect(toUrlSearch({ ...DEFAULT_VIEW, query: 'a&b c', followers: ['u1', 'u2'] })).toBe('?query=a%26b+c&followers=u1,u2')
  })

  it('writes nothing for an empty list', () => {
    expect(toUrlSearch({ ...DEFAULT_VIEW, mentions: [] })).toBe('')
  })
})

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/)
const view: fc.Arbitrary<SearchView> = fc.record(
  {
    query: fc.string({ minLength: 1, maxLength: MAX_QUERY_LENGTH }).map((text) => text.trim()).filter(Boolean),
    status: fc.constantFrom(...STATUSES.filter((status) => status !== 'all')),
    assignedTo: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    followers: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    mentions: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    contactId: id,
    id,
    lastMessageType: fc.constantFrom(...MESSAGE_TYPES),
    lastMessageDirection: fc.constantFrom(...DIRECTIONS),
    lastMessageAction: fc.constantFrom(...MESSAGE_ACTIONS),
    scoreProfile: id,
    scoreProfileMin: fc.integer({ min: -1000, max: 0 }),
    scoreProfileMax: fc.integer({ min: 0, max: 1000 }),
    sortScoreProfile: id,
    startDate: fc.integer({ min: 0, max: 1_700_000_000_000 }),
    endDate: fc.integer({ min: 1_700_000_000_000, max: 2_000_000_000_000 }),
    sort: fc.constantFrom(...SORT_ORDERS),
    sortBy: fc.constantFrom(...SORT_BYS),
    limit: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: ['sort', 'sortBy', 'limit'] },
)

describe('round trip', () => {
  it('reads back every valid view it writes, with nothing to report', () => {
    fc.assert(
      fc.property(view, (original) => {
        const search = toUrlSearch(original)
        expect(parse(search)).toEqual({ view: original, issues: [] })
        expect(toUrlSearch(parse(search).view)).toBe(search)
      }),
    )
  })

  it('writes any URL, however bad, back as one that parses cleanly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('status', 'limit', 'sort', 'query', 'assignedTo', 'scoreProfileMin', 'x'), fc.string())), (pairs) => {
        const canonical = toUrlSearch(parseView(new URLSearchParams(pairs)).view)
        expect(parse(canonical).issues).toEqual([])
      }),
    )
  })
})
