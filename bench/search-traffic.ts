import type { Page } from '@playwright/test'
import { conversationSchema, searchResponseSchema, type Conversation } from '../src/api/schemas/conversation'

const SEARCH_PATH = '/api/conversations/search'

/** What a page asked of `/api/conversations/search` and what it got back. */
export interface SearchTraffic {
  requests: number
  inFlight: number
  /** Date.now() of the last request sent or answered. */
  lastActivity: number
  /** How many requests asked for each `limit`. */
  limits: Map<number, number>
  /** Items in all answers, repeats included (a tie-safe client asks for some rows twice). */
  itemsReceived: number
  /** Each conversation received, once, in the order first received. */
  conversations: Map<string, Conversation>
  total: number | undefined
}

export const isSearch = (url: string): boolean => new URL(url).pathname === SEARCH_PATH

export function trackSearches(page: Page): SearchTraffic {
  const traffic: SearchTraffic = {
    requests: 0,
    inFlight: 0,
    lastActivity: Date.now(),
    limits: new Map(),
    itemsReceived: 0,
    conversations: new Map(),
    total: undefined,
  }
  page.on('request', (request) => {
    if (!isSearch(request.url())) return
    traffic.requests++
    traffic.inFlight++
    traffic.lastActivity = Date.now()
    const limit = Number(new URL(request.url()).searchParams.get('limit'))
    traffic.limits.set(limit, (traffic.limits.get(limit) ?? 0) + 1)
  })
  const settled = (url: string) => {
    if (!isSearch(url)) return
    traffic.inFlight--
    traffic.lastActivity = Date.now()
  }
  page.on('requestfinished', (request) => settled(request.url()))
  page.on('requestfailed', (request) => settled(request.url()))
  page.on('response', async (response) => {
    if (!isSearch(response.url()) || !response.ok()) return
    const body = searchResponseSchema.safeParse(await response.json().catch(() => undefined))
    if (!body.success) return
    traffic.total ??= body.data.total
    traffic.itemsReceived += body.data.conversations.length
    for (const item of body.data.conversations) {
      const conversation = conversationSchema.safeParse(item)
      if (conversation.success && !traffic.conversations.has(conversation.data.id)) {
        traffic.conversations.set(conversation.data.id, conversation.data)
      }
    }
  })
  return traffic
}

/** The `limit` the page asked for most often. */
export function usualPageSize(traffic: SearchTraffic): number {
  return [...traffic.limits].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
}

/** Search requests per 1,000 distinct conversations received. */
export function requestsPer1000Rows(traffic: SearchTraffic): number {
  return (traffic.requests / traffic.conversations.size) * 1000
}
