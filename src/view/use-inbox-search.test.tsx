// @vitest-environment jsdom
import { act, render } from '@testing-library/react'
import { useEffect } from 'react'
import { MemoryRouter, Route, Routes, useLocation, useNavigate, useNavigationType, type NavigateFunction } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { SearchView } from '../api/schemas/search-view'
import { useInboxSearch, type InboxSearch } from './use-inbox-search'

/** The hook under the app's own kind of router, with the location and a navigate of its own. */
function renderAt(initialUrl: string) {
  const seen: InboxSearch[] = []
  const probe: { url: string; action: string; navigate?: NavigateFunction } = { url: '', action: '' }
  function Probe() {
    const search = useInboxSearch()
    const location = useLocation()
    const action = useNavigationType()
    const navigate = useNavigate()
    useEffect(() => {
      seen.push(search)
      Object.assign(probe, { url: `${location.pathname}${location.search}`, action, navigate })
    })
    return null
  }
  render(
    <MemoryRouter initialEntries={[initialUrl]} useTransitions={false}>
      <Routes>
        <Route path="*" element={<Probe />} />
      </Routes>
    </MemoryRouter>,
  )
  const latest = () => {
    const last = seen.at(-1)
    if (!last) throw new Error('never rendered')
    return last
  }
  const go = (to: string) => {
    if (!probe.navigate) throw new Error('never rendered')
    void probe.navigate(to)
  }
  return { latest, go, url: () => probe.url, action: () => probe.action }
}

describe('useInboxSearch', () => {
  it('keeps the same view object while the URL stays the same', async () => {
    const { go, latest } = renderAt('/?status=unread')
    const before: SearchView = latest().view
    await act(async () => go('/conversations/c1?status=unread'))
    expect(latest().view).toBe(before)
    await act(async () => go('/?status=read'))
    expect(latest().view).not.toBe(before)
    expect(latest().view.status).toBe('read')
  })

  it('rewrites a bad URL in place and keeps what was ignored for the notice', async () => {
    const { action, latest, url } = renderAt('/conversations/c1?status=bogus&limit=20')
    await act(async () => {})
    expect(url()).toBe('/conversations/c1?limit=20')
    expect(action()).toBe('REPLACE')
    expect(latest().ignored).toEqual([{ param: 'status', value: 'bogus', message: expect.stringMatching(/^ignored: not a status/) }])
    await act(async () => latest().dismissIgnored())
    expect(latest().ignored).toEqual([])
    expect(url()).toBe('/conversations/c1?limit=20')
  })

  it('pushes deliberate changes, replaces typing, and keeps the path', async () => {
    const { action, latest, url } = renderAt('/conversations/c1')
    await act(async () => latest().setView({ status: 'starred' }))
    expect(url()).toBe('/conversations/c1?status=starred')
    expect(action()).toBe('PUSH')
    await act(async () => latest().setView({ query: 'refund' }, { replace: true }))
    expect(url()).toBe('/conversations/c1?query=refund&status=starred')
    expect(action()).toBe('REPLACE')
    await act(async () => latest().resetView())
    expect(url()).toBe('/conversations/c1')
  })
})
