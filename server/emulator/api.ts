import { API_VERSIONS } from '../../src/api/schemas/enums'
import { listMessages } from './messages'
import { badVersion, forbidden, json, notFound, serverFailure, traceId, unauthorized, unprocessable } from './responses'
import { searchConversations } from './search'
import { parseSearchParams } from './search-params'
import type { EmulatorState } from './state'
import type { LocationStore } from './store'
import { conversationByIdWire, conversationWire, userWire } from './wire'

type Handler = (state: EmulatorState, store: LocationStore, url: URL, match: RegExpExecArray) => Response

const ROUTES: readonly { pattern: RegExp; handler: Handler }[] = [
  { pattern: /^\/conversations\/search\/?$/, handler: search },
  { pattern: /^\/users\/?$/, handler: users },
  { pattern: /^\/conversations\/([^/]+)\/messages\/?$/, handler: messages },
  { pattern: /^\/conversations\/([^/]+)\/?$/, handler: conversationById },
]

/** Answers a request on HighLevel's own paths, with its checks in its order. */
export async function handleApi(state: EmulatorState, request: Request): Promise<Response> {
  const url = new URL(request.url)
  const route = request.method === 'GET' ? findRoute(url.pathname) : undefined
  if (!route) {
    return json({ statusCode: 404, message: `Cannot ${request.method} ${url.pathname}`, error: 'Not Found' }, 404)
  }
  const token = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim()
  const rate = state.rateLimiter.take(token ?? '', Date.now())
  const withRate = (response: Response): Response => {
    for (const [name, value] of Object.entries(rate.headers)) response.headers.set(name, value)
    return response
  }
  if (!rate.allowed) return withRate(json({ statusCode: 429, message: 'Too Many Requests' }, 429))
  const store = state.stores.find((candidate) => candidate.location.token === token)
  if (!store) return withRate(unauthorized())
  const version = request.headers.get('version')
  if (version === null || !(API_VERSIONS as readonly string[]).includes(version)) return withRate(badVersion(version))
  const { latencyMs, jitterMs, failureRate } = state.knobs
  const delay = latencyMs + (jitterMs > 0 ? Math.floor(state.random.next() * (jitterMs + 1)) : 0)
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
  if (failureRate > 0 && state.random.next() < failureRate) return withRate(serverFailure(state.random.next()))
  return withRate(route.handler(state, store, url, route.match))
}

function findRoute(path: string): { handler: Handler; match: RegExpExecArray } | undefined {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path)
    if (match) return { handler: route.handler, match }
  }
  return undefined
}

function search(state: EmulatorState, store: LocationStore, url: URL): Response {
  const parsed = parseSearchParams(url.searchParams)
  if (!parsed.ok) return unprocessable(parsed.messages)
  if (parsed.params.locationId !== store.location.id) return forbidden()
  const page = searchConversations(store, parsed.params, state.clock())
  return json({
    conversations: page.rows.map((row, index) => conversationWire(row, page.sortValues[index] ?? [])),
    total: page.total,
    traceId: traceId(),
  })
}

function users(_state: EmulatorState, store: LocationStore, url: URL): Response {
  const locationId = url.searchParams.get('locationId')
  if (!locationId) return unprocessable(['locationId should not be empty'])
  if (locationId !== store.location.id) return forbidden()
  return json({ users: store.location.users.map((user) => userWire(user, store.location.id)) })
}

function conversationById(state: EmulatorState, store: LocationStore, _url: URL, match: RegExpExecArray): Response {
  const id = decodeURIComponent(match[1] ?? '')
  const row = store.find(id)
  if (row) return json(conversationByIdWire(row))
  const elsewhere = state.stores.some((other) => other !== store && other.find(id) !== undefined)
  return elsewhere ? forbidden() : notFound('Conversation not found')
}

function messages(state: EmulatorState, store: LocationStore, url: URL, match: RegExpExecArray): Response {
  const id = decodeURIComponent(match[1] ?? '')
  const row = store.find(id)
  if (!row) {
    const elsewhere = state.stores.some((other) => other !== store && other.find(id) !== undefined)
    return elsewhere ? forbidden() : notFound('Conversation not found')
  }
  const result = listMessages(state, row, url.searchParams)
  return result.ok ? json({ messages: result.page }) : unprocessable(result.messages)
}
