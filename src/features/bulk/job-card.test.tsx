// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { conversationKeys } from '../../api/query-keys'
import type { FailedItem, JobView } from '../../api/schemas/bulk-job'
import { DEFAULT_VIEW } from '../../api/schemas/search-view'
import type { SearchPage } from '../../api/search-conversations'
import { firstPageParam } from '../../api/search-paging'
import { JobCard } from './job-card'

let calls: { method: string; url: string }[]
let failures: FailedItem[]

const job = (fields: Partial<JobView>): JobView => ({
  id: 'job-1',
  action: { kind: 'markRead' },
  target: { type: 'selection', count: 5 },
  createdAt: Date.UTC(2026, 10, 2, 9, 0),
  state: 'completed',
  total: 5,
  changed: 5,
  skipped: 0,
  failed: 0,
  remaining: 0,
  requests: 5,
  rate: null,
  etaSeconds: null,
  ...fields,
})

beforeEach(() => {
  calls = []
  failures = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      calls.push({ method, url })
      if (url === '/_inbox/jobs/job-1' && method === 'GET') return Response.json({ job: job({ failures }) })
      if (method === 'POST') return Response.json({ job: job({ id: 'job-2', state: 'running' }) }, { status: url.endsWith('retry-failed') ? 201 : 200 })
      if (url.startsWith('/api/users')) return Response.json({ users: [] })
      return Response.json({ jobs: [], setAside: [] })
    }),
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** The view the card is shown in: its links keep it. */
const VIEW_SEARCH = '?status=unread&sort=asc'

function Where() {
  const { pathname, search } = useLocation()
  return <output aria-label="Location">{pathname + search}</output>
}

function renderCard(view: JobView, readOnly = false, client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  const onDismiss = vi.fn()
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/${VIEW_SEARCH}`]}>
        <Routes>
          <Route
            path="*"
            element={
              <ul>
                <JobCard job={view} readOnly={readOnly} currentSearch={VIEW_SEARCH} onDismiss={onDismiss} />
              </ul>
            }
          />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return { user: userEvent.setup(), onDismiss, card: screen.getByRole('listitem', { name: /^Bulk job: / }) }
}

const posts = () => calls.filter((call) => call.method === 'POST').map((call) => call.url)

describe('JobCard', () => {
  it('an interrupted job reports its counts and offers Resume, which resumes it once', async () => {
    const { user, card } = renderCard(job({ state: 'interrupted', changed: 2, remaining: 3 }))
    expect(card.getAttribute('aria-label')).toBe('Bulk job: Mark as read · 5 conversations')
    expect(within(card).getByRole('status').textContent).toBe('Interrupted by a server restart: 2 conversations marked read, 3 not done')
    expect(within(card).queryByRole('progressbar')).toBeNull()
    // Not dismissed while it can still be resumed, and nothing to retry yet.
    expect(within(card).queryByRole('button', { name: 'Dismiss' })).toBeNull()
    expect(within(card).queryByRole('button', { name: 'Retry failed' })).toBeNull()
    await user.click(within(card).getByRole('button', { name: 'Resume' }))
    await waitFor(() => expect(posts()).toEqual(['/_inbox/jobs/job-1/resume']))
  })

  it('offers no Resume on a read-only server', () => {
    const { card } = renderCard(job({ state: 'interrupted', changed: 2, remaining: 3 }), true)
    expect(within(card).getByRole('status').textContent).toMatch(/^Interrupted by a server restart/)
    expect(within(card).queryByRole('button', { name: 'Resume' })).toBeNull()
  })

  it('a finished job with failures lists which failed and why, and "Retry failed" asks for a new job over them', async () => {
    failures = [
      { id: 'conv0002', reason: 'Conversation not found', name: 'Ana Souza' },
      { id: 'conv0004', reason: 'assignedTo must be the id of an active user of this location', name: 'Jean Dupont' },
    ]
    const { user, card, onDismiss } = renderCard(job({ changed: 3, failed: 2, finishedAt: Date.UTC(2026, 10, 2, 9, 5) }))
    expect(within(card).getByRole('status').textContent).toBe('Done: 3 conversations marked read, 2 failed')
    await within(card).findByText('Which failed and why')
    const listed = within(card).getAllByRole('listitem').map((item) => item.textContent)
    expect(listed).toEqual(['Ana Souza: Conversation not found', 'Jean Dupont: assignedTo must be the id of an active user of this location'])
    await user.click(within(card).getByRole('button', { name: 'Retry failed' }))
    await waitFor(() => expect(posts()).toEqual(['/_inbox/jobs/job-1/retry-failed']))
    await user.click(within(card).getByRole('button', { name: 'Dismiss' }))
    expect(onDismiss).toHaveBeenCalledTimes(1)
  })

  it('names each failed conversation by its contact, as a link that opens it in the current view', async () => {
    failures = [{ id: 'conv0002', reason: 'Conversation not found', name: '<img src=x onerror=alert(1)> Ana' }]
    const { user, card } = renderCard(job({ changed: 4, failed: 1 }))
    await user.click(await within(card).findByText('Which failed and why'))
    // The name is text, never markup.
    const link = within(card).getByRole('link', { name: '<img src=x onerror=alert(1)> Ana' })
    expect(card.querySelector('img')).toBeNull()
    expect(link.getAttribute('href')).toBe(`/conversations/conv0002${VIEW_SEARCH}`)
    await user.click(link)
    expect(screen.getByRole('status', { name: 'Location' }).textContent).toBe(`/conversations/conv0002${VIEW_SEARCH}`)
  })

  it('without a name from the server, names a failed conversation from a loaded row, else by its id', async () => {
    failures = [
      { id: 'conv0002', reason: 'Conversation not found' },
      { id: 'conv0004', reason: 'Conversation not found' },
      { id: 'conv0006', reason: 'Conversation not found' },
    ]
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const row = (id: string, fields: object) => ({ id, contactId: `contact-${id}`, locationId: 'loc', unreadCount: 1, ...fields })
    const page: SearchPage = { conversations: [row('conv0004', { fullName: 'Léa Martin' }), row('conv0006', { fullName: '  ' })], total: 2, skipped: 0, items: [] }
    client.setQueryData(conversationKeys.search(DEFAULT_VIEW), { pages: [page], pageParams: [firstPageParam(DEFAULT_VIEW)] })
    const { card } = renderCard(job({ changed: 2, failed: 3 }), false, client)
    await within(card).findByText('Which failed and why')
    const links = within(card).getAllByRole('link')
    // A row with no name says "Unknown contact" in the list; here the id tells more.
    expect(links.map((link) => link.textContent)).toEqual(['conv0002', 'Léa Martin', 'conv0006'])
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['conv0002', 'conv0004', 'conv0006'].map((id) => `/conversations/${id}${VIEW_SEARCH}`))
  })

  it('a running job shows its progress and Cancel instead of a report', async () => {
    const { user, card } = renderCard(job({ state: 'running', changed: 1, failed: 1, remaining: 3, rate: 2 }))
    const progress = within(card).getByRole('progressbar')
    expect(progress.getAttribute('aria-valuenow')).toBe('2')
    expect(progress.getAttribute('aria-valuetext')).toBe('2 of 5 done · 1 failed · 3 remaining · 2 a second')
    expect(within(card).queryByRole('status')).toBeNull()
    expect(within(card).queryByRole('button', { name: 'Retry failed' })).toBeNull()
    await user.click(within(card).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(posts()).toEqual(['/_inbox/jobs/job-1/cancel']))
  })
})
