/** What the app may ask HighLevel for. It is read-only, so every entry is a GET. */
export interface AllowedRoute {
  readonly method: 'GET'
  /** Matched against the whole raw (still percent-encoded) path: no prefixes, no decoding. */
  readonly pattern: RegExp
  /** Whether HighLevel wants `locationId` in the query; the server supplies it. */
  readonly pinsLocation: boolean
}

// No dots, slashes or percent signs can appear in an id, so `..` and `%2F` never match.
const ID = '[A-Za-z0-9_-]{1,64}'

export const ALLOWED_ROUTES: readonly AllowedRoute[] = [
  { method: 'GET', pattern: /^\/conversations\/search$/, pinsLocation: true },
  { method: 'GET', pattern: /^\/users\/$/, pinsLocation: true },
  { method: 'GET', pattern: new RegExp(`^/conversations/${ID}$`), pinsLocation: false },
  { method: 'GET', pattern: new RegExp(`^/conversations/${ID}/messages$`), pinsLocation: false },
]

export type RouteMatch =
  | { kind: 'allowed'; route: AllowedRoute }
  | { kind: 'wrong-method' }
  | { kind: 'unknown-path' }

export function matchRoute(method: string, rawPath: string): RouteMatch {
  const byPath = ALLOWED_ROUTES.filter((route) => route.pattern.test(rawPath))
  const route = byPath.find((candidate) => candidate.method === method)
  if (route) return { kind: 'allowed', route }
  return byPath.length > 0 ? { kind: 'wrong-method' } : { kind: 'unknown-path' }
}
