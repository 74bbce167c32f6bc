import { describe, expect, it } from 'vitest'
import { matchRoute } from './allow-list.ts'

const CONVERSATION = 've9EPM428h8vShlRW1KT'
const HEX_ID = '65f1c0ffee0123456789abcd'

describe('matchRoute', () => {
  it.each([
    ['GET', '/conversations/search', true],
    ['GET', '/users/', true],
    ['GET', `/conversations/${CONVERSATION}`, false],
    ['GET', `/conversations/${HEX_ID}/messages`, false],
    ['GET', `/conversations/messages/email/${CONVERSATION}`, false],
    ['GET', `/locations/${CONVERSATION}/templates`, false],
    ['PUT', `/conversations/${CONVERSATION}`, false],
    ['PUT', `/contacts/${CONVERSATION}`, false],
    ['POST', '/conversations/messages', false],
  ])('allows %s %s', (method, path, pinsLocation) => {
    const match = matchRoute(method, path)
    expect(match.kind).toBe('allowed')
    if (match.kind === 'allowed') expect(match.route.pinsLocation).toBe(pinsLocation)
  })

  it('reads the id and the location from the path', () => {
    expect(matchRoute('GET', `/conversations/${CONVERSATION}/messages`)).toMatchObject({ id: CONVERSATION })
    expect(matchRoute('GET', `/locations/${HEX_ID}/templates`)).toMatchObject({ locationId: HEX_ID, id: undefined })
  })

  it('grows by exactly the writes the app makes', () => {
    const writes = ['PUT /conversations/x', 'PUT /contacts/x', 'POST /conversations/messages']
    const written = ['/conversations/x', '/contacts/x', '/conversations/messages'].flatMap((path) =>
      ['POST', 'PUT', 'PATCH', 'DELETE'].map((method) => `${method} ${path}`)).filter((route) => {
      const [method = '', path = ''] = route.split(' ')
      return matchRoute(method, path.replace('/x', `/${CONVERSATION}`)).kind === 'allowed'
    })
    expect(written).toEqual(writes)
  })

  it.each([
    '/users',
    '/users/abc',
    '/users/search',
    '/conversations/search/',
    '/conversations/search/extra',
    '/conversations/',
    '/conversations/abc_DEF-123',
    '/conversations/short',
    `/conversations/${'a1'.repeat(21)}`,
    '/conversations/a.bcdefghij',
    '/conversations/..',
    '/conversations/%2e%2e',
    `/conversations/${CONVERSATION}%2Fmessages`,
    `/conversations/${CONVERSATION}/messages/`,
    `/conversations/${CONVERSATION}/messages/123`,
    '/conversations/messages/email/',
    '/conversations/providers',
    `/locations/${CONVERSATION}`,
    `/locations/${CONVERSATION}/templates/${HEX_ID}`,
    '//evil.example/conversations/search',
    'http://evil.example/conversations/search',
    '/conversations/search?x',
    '/contacts/',
    '',
    '/',
  ])('refuses GET %s as an unknown path', (path) => {
    expect(matchRoute('GET', path).kind).toBe('unknown-path')
  })

  it('never takes a word such as "messages" for an id', () => {
    // Only the send is on that path: a read or a conversation update there is a wrong method.
    expect(matchRoute('GET', '/conversations/messages').kind).toBe('wrong-method')
    expect(matchRoute('PUT', '/conversations/messages').kind).toBe('wrong-method')
    expect(matchRoute('PUT', '/contacts/abcdefghij').kind).toBe('unknown-path')
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'get'])('refuses %s on a read-only path', (method) => {
    expect(matchRoute(method, '/conversations/search').kind).toBe('wrong-method')
    expect(matchRoute(method, `/conversations/${CONVERSATION}/messages`).kind).toBe('wrong-method')
  })
})
