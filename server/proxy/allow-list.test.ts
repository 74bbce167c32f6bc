import { describe, expect, it } from 'vitest'
import { matchRoute } from './allow-list.ts'

describe('matchRoute', () => {
  it.each([
    ['/conversations/search', true],
    ['/users/', true],
    ['/conversations/abc_DEF-123', false],
    ['/conversations/abc123/messages', false],
  ])('allows GET %s', (path, pinsLocation) => {
    const match = matchRoute('GET', path)
    expect(match.kind).toBe('allowed')
    if (match.kind === 'allowed') expect(match.route.pinsLocation).toBe(pinsLocation)
  })

  it.each([
    '/users',
    '/users/abc',
    '/users/search',
    '/conversations/search/',
    '/conversations/search/extra',
    '/conversations/',
    '/conversations/a.b',
    '/conversations/..',
    '/conversations/%2e%2e',
    '/conversations/abc%2Fmessages',
    '/conversations/abc/messages/',
    '/conversations/abc/messages/123',
    '//evil.example/conversations/search',
    'http://evil.example/conversations/search',
    '/conversations/search?x',
    '/contacts/',
    '/locations/loc123',
    `/conversations/${'a'.repeat(65)}`,
    '',
    '/',
  ])('refuses %s as an unknown path', (path) => {
    expect(matchRoute('GET', path).kind).toBe('unknown-path')
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'get'])('refuses %s on an allowed path', (method) => {
    expect(matchRoute(method, '/conversations/search').kind).toBe('wrong-method')
    expect(matchRoute(method, '/conversations/abc').kind).toBe('wrong-method')
  })
})
