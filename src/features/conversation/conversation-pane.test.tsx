// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Conversation } from '../../api/schemas/conversation'
import { ConversationPane } from './conversation-pane'

const row: Conversation = {
  id: 'c1',
  contactId: 'k1',
  locationId: 'loc1',
  fullName: 'Ana\u0000 <b>López</b>',
  email: 'ana@example.com',
  assignedTo: 'u1',
  lastMessageDirection: 'inbound',
  lastMessageDate: Date.now() - 60_000,
}

function message(id: string, body: string, extra: Record<string, unknown> = {}) {
  return { id, body, direction: 'inbound', messageType: 'TYPE_SMS', contentType: 'text/plain', dateAdded: '2026-11-02T12:00:00.000Z', ...extra }
}

const answers: Record<string, unknown> = {
  '/config.json': { mode: 'emulator', locationId: 'loc1', appUrl: 'https://app.example.com' },
  '/api/users/': { users: [{ id: 'u1', name: 'Sam Agent' }] },
  '/api/conversations/c1': { id: 'c1', contactId: 'k1', locationId: 'loc1', type: 1, starred: true },
  '/api/conversations/c1/messages?limit=20': {
    messages: { lastMessageId: 'm2', nextPage: true, messages: [message('m1', '<img src=x onerror=alert(1)>hi'), message('m2', 'second')] },
  },
  '/api/conversations/c1/messages?limit=20&lastMessageId=m2': {
    messages: { lastMessageId: 'm3', nextPage: false, messages: [message('m3', '<p>old <b>email</b></p>', { contentType: 'text/html' })] },
  },
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const answer = answers[url]
    return answer === undefined
      ? Response.json({ statusCode: 404, message: 'Not found' }, { status: 404 })
      : Response.json(answer)
  }))
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderPane(props: Partial<Parameters<typeof ConversationPane>[0]> = {}) {
  const onClose = vi.fn()
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <ConversationPane conversationId="c1" conversation={row} onClose={onClose} {...props} />
    </QueryClientProvider>,
  )
  return { onClose, user: userEvent.setup() }
}

describe('ConversationPane', () => {
  it('shows the contact as text, its details, and the HighLevel link', async () => {
    renderPane({ currentUserId: 'someone-else' })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ana <b>López</b>')
    expect(screen.getByText('ana@example.com')).toBeTruthy()
    expect(await screen.findByText('Sam Agent')).toBeTruthy()
    expect(await screen.findByRole('link', { name: 'Open in HighLevel' })).toHaveProperty(
      'href',
      'https://app.example.com/v2/location/loc1/conversations/conversations/c1',
    )
    // The row says a minute; the newest message (weeks old, inbound) wins once loaded.
    expect(await screen.findByText(/^Overdue · waiting \d+ d/)).toBeTruthy()
  })

  it("shows the contact's tags from the row, as text", async () => {
    renderPane({ conversation: { ...row, tags: ['vip', '<b>billing</b>', ' '] } })
    const term = await screen.findByText('Tags')
    expect(term.nextElementSibling?.textContent).toBe('vip, <b>billing</b>')
  })

  it('lists messages as plain text and loads older ones on request', async () => {
    const { user } = renderPane()
    const list = await screen.findByRole('list', { name: 'Messages, newest first' })
    expect(within(list).getByText('<img src=x onerror=alert(1)>hi')).toBeTruthy()
    expect(list.querySelector('img')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Load older messages' }))
    expect(await within(list).findByText('old email')).toBeTruthy()
    expect(list.querySelector('b')).toBeNull()
    expect(screen.getByText('Start of the conversation')).toBeTruthy()
  })

  it('closes on Esc, but not while typing in a field', async () => {
    const { onClose, user } = renderPane()
    const input = document.body.appendChild(document.createElement('input'))
    input.focus()
    await user.keyboard('{Escape}')
    expect(onClose).not.toHaveBeenCalled()
    input.remove()
    document.body.focus()
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('ignores a row that belongs to another conversation and says when this one does not exist', async () => {
    renderPane({ conversationId: 'gone', conversation: row })
    expect(screen.queryByText('ana@example.com')).toBeNull()
    const alerts = await screen.findAllByRole('alert')
    expect(alerts[0]?.textContent).toContain('Conversation not found')
  })
})
