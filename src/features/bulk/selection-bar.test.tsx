// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Estimate } from '../../api/schemas/bulk-job'
import type { Conversation } from '../../api/schemas/conversation'
import { DEFAULT_VIEW } from '../../api/schemas/search-view'
import { conversationQueries } from '../../api/search-conversations'
import { useTickedRows } from '../../view/use-ticked-rows'
import { SelectionBar } from './selection-bar'
import { useBulkActions } from './use-bulk-actions'

let calls: { method: string; url: string; body: unknown }[]
let estimate: Estimate

const conversation = (id: string, contactId: string): Conversation => ({ id, contactId, locationId: 'loc1', unreadCount: 1, sort: null })
const rows = [conversation('conv0001', 'cont0001'), conversation('conv0002', 'cont0002'), conversation('conv0003', 'cont0003')]
const view = { ...DEFAULT_VIEW, status: 'unread' as const }

beforeEach(() => {
  // jsdom has no modal dialogs: open is enough for the roles and names asserted here.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true
  }
  calls = []
  estimate = {
    conversations: 2,
    requests: { snapshot: 0, lookups: 0, writes: 2, total: 2 },
    dailyBudget: { requests: 200_000, source: 'limit', reserve: 10_000 },
    dailyShare: 0.00001,
    maxDailyShare: 0.1,
    allowed: true,
    alsoMoves: null,
    minSeconds: null,
  }
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : undefined
      calls.push({ method, url, body })
      if (url === '/_inbox/jobs/estimate') return Response.json({ estimate })
      if (url === '/_inbox/jobs' && method === 'POST') {
        if (!estimate.allowed) return Response.json({ statusCode: 422, message: estimate.refusal, estimate }, { status: 422 })
        const job = { id: 'job-1', action: { kind: 'markRead' }, target: { type: 'selection', count: 2 }, createdAt: 1, state: 'snapshotting', total: 0, changed: 0, skipped: 0, failed: 0, remaining: 0, requests: 0, rate: null, etaSeconds: null }
        return Response.json({ job }, { status: 201 })
      }
      return Response.json({ jobs: [], setAside: [] })
    }),
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function Harness() {
  const ticking = useTickedRows('view-key')
  const bulk = useBulkActions({ view, ticking, createdBy: 'Sam' })
  const ids = rows.map((row) => row.id)
  return (
    <>
      <button type="button" onClick={() => ticking.tick('conv0001', ids, false)}>tick first</button>
      <button type="button" onClick={() => ticking.tick('conv0002', ids, true)}>range to second</button>
      {ticking.any && <SelectionBar ticking={ticking} bulk={bulk} list={{ conversations: rows, total: 1234 }} />}
    </>
  )
}

function renderBar() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(conversationQueries.search(view).queryKey, {
    pages: [{ conversations: rows, total: 1234, skipped: 0, items: [] }],
    pageParams: [{ cursor: null, gap: false }],
  } as never)
  render(
    <QueryClientProvider client={client}>
      <Harness />
    </QueryClientProvider>,
  )
}

const posts = (url: string) => calls.filter((call) => call.method === 'POST' && call.url === url)

describe('SelectionBar', () => {
  it('starts a small selection at once, with the rows and their contacts, and clears the selection', async () => {
    const user = userEvent.setup()
    renderBar()
    await user.click(screen.getByRole('button', { name: 'tick first' }))
    await user.click(screen.getByRole('button', { name: 'range to second' }))
    expect(screen.getByRole('toolbar', { name: 'Selected conversations' }).textContent).toContain('2 conversations selected')
    await user.click(screen.getByRole('button', { name: 'Mark as read' }))
    await waitFor(() => expect(posts('/_inbox/jobs')).toHaveLength(1))
    expect(posts('/_inbox/jobs/estimate')[0]?.body).toEqual({
      action: { kind: 'markRead' },
      target: { type: 'selection', conversations: [{ id: 'conv0001', contactId: 'cont0001' }, { id: 'conv0002', contactId: 'cont0002' }] },
      createdBy: 'Sam',
    })
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(screen.queryByRole('toolbar')).toBeNull())
  })

  it('asks before a whole-view job, stating conversations, requests and the daily share', async () => {
    const user = userEvent.setup()
    estimate = { ...estimate, conversations: 1234, requests: { snapshot: 13, lookups: 0, writes: 1234, total: 1247 }, dailyShare: 1247 / 200_000 }
    renderBar()
    await user.click(screen.getByRole('button', { name: 'tick first' }))
    await user.click(screen.getByRole('button', { name: 'Select all 1,234 conversations in this view' }))
    expect(screen.getByRole('toolbar').textContent).toContain('All 1,234 conversations in this view selected')
    await user.click(screen.getByRole('button', { name: 'Mark as read' }))
    const dialog = await screen.findByRole('dialog', { name: 'Mark as read: 1,234 conversations?' })
    expect(dialog.textContent).toContain('1,247 HighLevel requests, 0.6% of the location\'s daily budget')
    expect(posts('/_inbox/jobs')).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(posts('/_inbox/jobs')).toHaveLength(1))
    expect(posts('/_inbox/jobs')[0]?.body).toMatchObject({ target: { type: 'view', view: { status: 'unread', sortBy: 'last_message_date' } }, viewTotal: 1234 })
  })

  it("shows the server's reason for a job over the budget share, and cannot start it", async () => {
    const user = userEvent.setup()
    estimate = { ...estimate, conversations: 1234, allowed: false, refusal: 'It would cost 1247 HighLevel requests, more than 10 % of the 9000 the location has left today' }
    renderBar()
    await user.click(screen.getByRole('button', { name: 'tick first' }))
    await user.click(screen.getByRole('button', { name: 'Select all 1,234 conversations in this view' }))
    await user.click(screen.getByRole('button', { name: 'Star' }))
    const dialog = await screen.findByRole('dialog', { name: 'This job is too large to start' })
    expect(dialog.textContent).toContain('more than 10 % of the 9000 the location has left today')
    expect(screen.queryByRole('button', { name: 'Start' })).toBeNull()
    expect(posts('/_inbox/jobs')).toHaveLength(0)
  })
})
