import { expect, type APIRequestContext } from '@playwright/test'
import { APP_HEADERS } from './app-headers'

/** A conversation as the search answers it: the fields the tests check. */
export interface Row {
  id: string
  contactId: string
  unreadCount?: number
  starred?: boolean
  assignedTo?: string | null
}

/** What HighLevel (the emulator, through our server) answers for a search. */
export async function search(request: APIRequestContext, query: string): Promise<Row[]> {
  const response = await request.get(`/api/conversations/search?${query}`, { headers: APP_HEADERS })
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { conversations: Row[] }).conversations
}

/** One conversation as the search answers it now. */
export async function conversation(request: APIRequestContext, id: string): Promise<Row> {
  const [row] = await search(request, `id=${id}`)
  if (!row) throw new Error(`no conversation ${id}`)
  return row
}
