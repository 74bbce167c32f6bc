import { API_VERSIONS } from '../../src/api/schemas/enums'
import { listMessages } from './messages'
import type { ConversationRow } from './model'
import { badVersion, forbidden, json, notFound, outOfScope, serverFailure, traceId, unauthorized, unprocessable } from './responses'
import type { Scope } from './scopes'
import { searchConversations } from './search'
import { parseSearchParams } from './search-params'
import type { EmulatorState } from './state'
import type { LocationStore } from './store'
import { readSend, sendMessage } from './send-message'
import { listTemplates } from './templates'
import { updateContact } from './update-contact'
import { updateConversation } from './update-conversation'
import { conversationByIdWire, conversationWire, emailWire, userWire } from './wire'

interface Context {
  state: EmulatorState
  store: LocationStore
  url: URL
  match: RegExpExecArray
  request: Request
}
type Handler = (context: Context) => Response | Promise<Response>

/** Each route with the token scope HighLevel's reference names for it (the email by id names none: a guess). */
const ROUTES: readonly { method: string; pattern: RegExp; scope: Scope; handler: Handler }[] = [
  { method: 'GET', pattern: /^\/conversations\/search\/?$/, scope: 'conversations.readonly', handler: search },
  { method: 'GET', pattern: /^\/users\/?$/, scope: 'users.readonly', handler: users },
  { method: 'GET', pattern: /^\/conversations\/([^/]+)\/messages\/?$/, scope: 'conversations/message.readonly', handler: messages },
  { method: 'GET', pattern: /^\/conversations\/([^/]+)\/?$/, scope: 'conversations.readonly', handler: conversationById },
  { method: 'PUT', pattern: /^\/conversations\/([^/]+)\/?$/, scope: 'conversations.write', handler: update },
  { method: 'PUT', pattern: /^\/contacts\/([^/]+)\/?$/, scope: 'contacts.write', handler: assign },
  { method: 'POST', pattern: /^\/conversations\/messages\/?$/, scope: 'conversations/message.write', handler: send },
  { method: 'GET', pattern: /^\/conversations\/messages\/email\/([^/]+)\/?$/, scope: 'conversations/message.readonly', handler: email },
  { method: 'GET', pattern: /^\/locations\/([^/]+)\/templates\/?$/, scope: 'locations/templates.readonly', handler: templates },
]

/** Answers a request on HighLevel's own paths, with its checks in its order. */
export async function handleApi(state: EmulatorState, request: Request): Promise<Response> {
  const url = new URL(request.url)
  const route = findRoute(request.method, url.pathname)
  if (!route) {
    return json({ statusCode: 404, message: `Cannot ${request.method} ${url.pathname}`, error: 'Not Found' }, 404)
  }
  const token = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim()
  const store = state.stores.find((candidate) => candidate.location.token === token)
  // Budgets are per location; every unknown token shares one, so junk tokens cannot grow the table.
  const rate = state.rateLimiter.take(store?.location.id ?? '', Date.now())
  const withRate = (response: Response): Response => {
    for (const [name, value] of Object.entries(rate.headers)) response.headers.set(name, value)
    return response
  }
  if (!rate.allowed) return withRate(json({ statusCode: 429, message: 'Too Many Requests' }, 429))
  if (!store) return withRate(unauthorized())
  if (state.knobs.missingScopes.includes(route.scope)) return withRate(outOfScope())
  const version = request.headers.get('version')
  if (version === null || !(API_VERSIONS as readonly string[]).includes(version)) return withRate(badVersion(version))
  const { latencyMs, jitterMs, failureRate } = state.knobs
  const delay = latencyMs + (jitterMs > 0 ? Math.floor(state.random.next() * (jitterMs + 1)) : 0)
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
  if (failureRate > 0 && state.random.next() < failureRate) return withRate(serverFailure(state.random.next()))
  return withRate(await route.handler({ state, store, url, match: route.match, request }))
}

function findRoute(method: string, path: string): { handler: Handler; scope: Scope; match: RegExpExecArray } | undefined {
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(path) : null
    if (match) return { handler: route.handler, scope: route.scope, match }
  }
  return undefined
}

function search({ state, store, url }: Context): Response {
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

function users({ store, url }: Context): Response {
  const locationId = url.searchParams.get('locationId')
  if (!locationId) return unprocessable(['locationId should not be empty'])
  if (locationId !== store.location.id) return forbidden()
  return json({ users: store.location.users.map((user) => userWire(user, store.location.id)) })
}

function conversationById(context: Context): Response {
  return withConversation(context, (row) => json(conversationByIdWire(row)))
}

function messages(context: Context): Response {
  return withConversation(context, (row) => {
    const result = listMessages(context.state, row, context.url.searchParams)
    return result.ok ? json({ messages: result.page }) : unprocessable(result.messages)
  })
}

function update(context: Context): Response | Promise<Response> {
  return withConversation(context, (row) => updateConversation(context.store, row, context.request))
}

function assign(context: Context): Response | Promise<Response> {
  return withContact(context, decodeURIComponent(context.match[1] ?? ''), (rows) =>
    updateContact(context.store, rows, context.request, context.state.clock()),
  )
}

async function send(context: Context): Promise<Response> {
  const parsed = await readSend(context.request)
  if (parsed instanceof Response) return parsed
  return withContact(context, parsed.contactId, (rows) => sendMessage(context.state, context.store, rows, parsed))
}

/** Emails are found while their conversation's history is kept: their ids come from a messages list. */
function email({ state, store, match }: Context): Response {
  const found = state.histories.email(decodeURIComponent(match[1] ?? ''))
  if (!found) return notFound('Email not found')
  return found.row.locationId === store.location.id ? json(emailWire(found)) : forbidden()
}

function templates({ state, store, url, match }: Context): Response {
  return listTemplates(state, store, decodeURIComponent(match[1] ?? ''), url.searchParams)
}

/** The token's contact (its conversations): 403 when it is another location's, else 404. */
function withContact<T extends Response | Promise<Response>>(
  { state, store }: Context,
  contactId: string,
  answer: (rows: ConversationRow[]) => T,
): T | Response {
  const rows = store.conversationsOf(contactId)
  if (rows.length > 0) return answer(rows)
  const elsewhere = state.stores.some((other) => other !== store && other.conversationsOf(contactId).length > 0)
  return elsewhere ? forbidden() : notFound('Contact not found')
}

/** The token's conversation named in the path: 403 when it is another location's, else 404. */
function withConversation<T extends Response | Promise<Response>>(
  { state, store, match }: Context,
  answer: (row: ConversationRow) => T,
): T | Response {
  const id = decodeURIComponent(match[1] ?? '')
  const row = store.find(id)
  if (row) return answer(row)
  const elsewhere = state.stores.some((other) => other !== store && other.find(id) !== undefined)
  return elsewhere ? forbidden() : notFound('Conversation not found')
}
