// @vitest-environment jsdom
import { act, render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { SearchView } from '../../api/schemas/search-view'
import { useInboxSearch, type InboxSearch } from './use-inbox-search'

function renderAt(initialUrl: string) {
  const seen: InboxSearch[] = []
  function Probe() {
    seen.push(useInboxSearch())
    return null
  }
  const router = createMemoryRouter([{ path: '*', element: <Probe /> }], { initialEntries: [initialUrl] })
  render(<RouterProvider router={router} />)
  const latest = () => {
    const last = seen.at(-1)
    if (!last) throw new Error('never rendered')
    return last
  }
  const url = () => `${router.state.location.pathname}${router.state.location.search}`
  return { router, latest, url }
}

describe('useInboxSearch', () => {
  it('keeps the same view object while the URL stays the same', async () => {
    const { router, latest } = renderAt('/?status=unread')
    const before: SearchView = latest().view
    await act(() => router.navigate('/conversations/c1?status=unread'))
    expect(latest().view).toBe(before)
    await act(() => router.navigate('/?status=read'))
    expect(latest().view).not.toBe(before)
    expect(latest().view.status).toBe('read')
  })

  it('rewrites a bad URL in place and keeps what was ignored for the notice', async () => {
    const { router, latest, url } = renderAt('/conversations/c1?status=bogus&limit=20')
    await act(async () => {})
    expect(url()).toBe('/conversations/c1?limit=20')
    expect(router.state.historyAction).toBe('REPLACE')
    expect(latest().ignored).toEqual([{ param: 'status', value: 'bogus', message: expect.stringMatching(/^ignored: not a status/) }])
    await act(async () => latest().dismissIgnored())
    expect(latest().ignored).toEqual([])
    expect(url()).toBe('/conversations/c1?limit=20')
  })

  it('pushes deliberate changes, replaces typing, and keeps the path', async () => {
    const { router, latest, url } = renderAt('/conversations/c1')
    await act(async () => latest().setView({ status: 'starred' }))
    expect(url()).toBe('/conversations/c1?status=starred')
    expect(router.state.historyAction).toBe('PUSH')
    await act(async () => latest().setView({ query: 'refund' }, { replace: true }))
    expect(url()).toBe('/conversations/c1?query=refund&status=starred')
    expect(router.state.historyAction).toBe('REPLACE')
    await act(async () => latest().resetView())
    expect(url()).toBe('/conversations/c1')
  })
})
