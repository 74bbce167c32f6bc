import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { contactConversationQueries } from './contact-conversations'
import {
  ActionFailedError,
  inverseOf,
  runConversationAction,
  subscribeToActionPatches,
  undoConversationAction,
  UndoImpossibleError,
  writeOf,
} from './conversation-actions'
import { findConversation } from './conversation-cache'
import { countQueries } from './count-conversations'
import { conversationKeys } from './query-keys'
import type { Conversation } from './schemas/conversation'
import { DEFAULT_VIEW, type SearchView } from './schemas/search-view'
import type { SearchPage } from './search-conversations'
import { firstPageParam } from './search-paging'

const conversation = (id: string, fields: Partial<Conversation> = {}): Conversation => ({
  id,
  contactId: 'contact1',
  locationId: 'loc',
  unreadCount: 5,
  starred: false,
  assignedTo: 'userAlice',
  ...fields,
})
const page = (conversations: Conversation[]): SearchPage => ({ conversations, total: conversations.length, skipped: 0, items: [] })
const unread: SearchView = { ...DEFAULT_VIEW, status: 'unread' }

function seeded(rows: Conversation[]) {
  const queryClient = new QueryClient()
  queryClient.setQueryData(conversationKeys.search(DEFAULT_VIEW), { pages: [page(rows)], pageParams: [firstPageParam(DEFAULT_VIEW)] })
  queryClient.setQueryData(countQueries.count(unread).queryKey, 10)
  return queryClient
}

type Answer = () => Response
function stubFetch(...answers: Answer[]) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => (answers.shift() ?? (() => Response.json({})))())
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}
const bodyOf = (fetchMock: ReturnType<typeof stubFetch>, call: number) => JSON.parse(String(fetchMock.mock.calls[call]?.[1]?.body)) as unknown

afterEach(() => vi.unstubAllGlobals())

describe('writeOf and inverseOf', () => {
  it('mark unread sets 1, and the inverse puts back the exact count', () => {
    const before = conversation('c1', { unreadCount: 5 })
    expect(writeOf('markRead', before)).toEqual({ kind: 'conversation', id: 'c1', fields: { unreadCount: 0 } })
    expect(writeOf('markUnread', before)).toEqual({ kind: 'conversation', id: 'c1', fields: { unreadCount: 1 } })
    expect(inverseOf(writeOf('markRead', before), before)).toEqual({ kind: 'conversation', id: 'c1', fields: { unreadCount: 5 } })
    expect(inverseOf(writeOf('star', before), before)).toEqual({ kind: 'conversation', id: 'c1', fields: { starred: false } })
  })

  it('assigns the contact, and the inverse names the previous assignee (null when there was none)', () => {
    expect(writeOf('assign', conversation('c1'), 'userBob')).toEqual({ kind: 'contact', contactId: 'contact1', assignedTo: 'userBob' })
    expect(inverseOf(writeOf('assign', conversation('c1', { assignedTo: '' }), 'userBob'), conversation('c1', { assignedTo: '' }))).toMatchObject({
      assignedTo: null,
    })
  })
})

describe('runConversationAction', () => {
  it('draws the change at once (row and counts), sends it once with the location, and keeps it', async () => {
    const queryClient = seeded([conversation('c1')])
    const fetchMock = stubFetch(() => Response.json({ success: true }))
    const done = runConversationAction(queryClient, conversation('c1'), 'markRead', { locationId: 'loc' })
    await vi.waitFor(() => expect(findConversation(queryClient, 'c1')?.unreadCount).toBe(0))
    expect(queryClient.getQueryData(countQueries.count(unread).queryKey)).toBe(9)
    await done
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/conversations/c1')
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('PUT')
    expect(bodyOf(fetchMock, 0)).toEqual({ locationId: 'loc', unreadCount: 0 })
    expect(findConversation(queryClient, 'c1')?.unreadCount).toBe(0)
  })

  it('on failure puts everything back, tells listeners, and says which scope is missing', async () => {
    const queryClient = seeded([conversation('c1')])
    stubFetch(() => Response.json({ statusCode: 401, message: 'The token is not authorized for this scope.' }, { status: 401 }))
    const patches: unknown[] = []
    const unsubscribe = subscribeToActionPatches((id, patch) => patches.push([id, patch]))
    const failure = await runConversationAction(queryClient, conversation('c1'), 'star', { locationId: 'loc' }).catch((error: unknown) => error)
    unsubscribe()
    expect(failure).toBeInstanceOf(ActionFailedError)
    const { description } = failure as ActionFailedError
    expect(description.title).toBe('Could not star the conversation')
    expect(description.detail).toContain('conversations.write')
    expect(description.detail).toContain('The token is not authorized for this scope.')
    expect(findConversation(queryClient, 'c1')?.starred).toBe(false)
    expect(patches).toEqual([
      ['c1', { starred: true }],
      ['c1', { starred: false }],
    ])
  })

  it('assigning moves every known conversation of the contact', async () => {
    const queryClient = seeded([conversation('c1'), conversation('c2'), conversation('c3', { contactId: 'contact2' })])
    queryClient.setQueryData(contactConversationQueries.list('contact1').queryKey, page([conversation('c1'), conversation('c2')]))
    const fetchMock = stubFetch(() => Response.json({ succeded: true, contact: { assignedTo: 'userBob' } }))
    await runConversationAction(queryClient, conversation('c1'), 'assign', { locationId: 'loc', assignTo: 'userBob' })
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/contacts/contact1')
    expect(bodyOf(fetchMock, 0)).toEqual({ assignedTo: 'userBob' })
    expect(findConversation(queryClient, 'c2')?.assignedTo).toBe('userBob')
    expect(findConversation(queryClient, 'c3')?.assignedTo).toBe('userAlice')
  })

  it('sends two writes to one conversation one after the other', async () => {
    const queryClient = seeded([conversation('c1')])
    let release = () => {}
    const order: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        order.push(String(init?.body))
        if (order.length === 1) await new Promise<void>((resolve) => (release = resolve))
        return Response.json({})
      }),
    )
    const first = runConversationAction(queryClient, conversation('c1'), 'star', { locationId: 'loc' })
    await vi.waitFor(() => expect(order).toHaveLength(1))
    const second = runConversationAction(queryClient, conversation('c1'), 'unstar', { locationId: 'loc' })
    await Promise.resolve()
    expect(order).toHaveLength(1)
    release()
    await Promise.all([first, second])
    expect(order.map((body) => (JSON.parse(body) as { starred: boolean }).starred)).toEqual([true, false])
  })
})

describe('undoConversationAction', () => {
  it('writes back the exact previous unread count', async () => {
    const queryClient = seeded([conversation('c1', { unreadCount: 5 })])
    const fetchMock = stubFetch(
      () => Response.json({}),
      () => Response.json({}),
    )
    const done = await runConversationAction(queryClient, conversation('c1'), 'markRead', { locationId: 'loc' })
    await undoConversationAction(queryClient, done, { locationId: 'loc', activeUserIds: undefined })
    expect(bodyOf(fetchMock, 1)).toEqual({ locationId: 'loc', unreadCount: 5 })
    expect(findConversation(queryClient, 'c1')?.unreadCount).toBe(5)
  })

  it('refuses to restore an assignee who is no longer an active user, before sending anything', async () => {
    const queryClient = seeded([conversation('c1', { assignedTo: 'userGone' })])
    const fetchMock = stubFetch(() => Response.json({}))
    const done = await runConversationAction(queryClient, conversation('c1', { assignedTo: 'userGone' }), 'assign', {
      locationId: 'loc',
      assignTo: 'userBob',
    })
    const undo = undoConversationAction(queryClient, done, {
      locationId: 'loc',
      activeUserIds: new Set(['userBob']),
      userName: () => 'Gone Person',
    })
    await expect(undo).rejects.toBeInstanceOf(UndoImpossibleError)
    await expect(undo).rejects.toThrow('Gone Person')
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(findConversation(queryClient, 'c1')?.assignedTo).toBe('userBob')
  })

  it('restores "unassigned" (null) whoever the users are', async () => {
    const queryClient = seeded([conversation('c1', { assignedTo: null })])
    const fetchMock = stubFetch(
      () => Response.json({}),
      () => Response.json({}),
    )
    const done = await runConversationAction(queryClient, conversation('c1', { assignedTo: null }), 'assign', { locationId: 'loc', assignTo: 'userBob' })
    await undoConversationAction(queryClient, done, { locationId: 'loc', activeUserIds: new Set() })
    expect(bodyOf(fetchMock, 1)).toEqual({ assignedTo: null })
  })
})
