// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { lazy, useEffect } from 'react'
import { MemoryRouter, useNavigate, type NavigateFunction } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppRoutes } from '../router'
import { RouteError, RouteErrorBoundary } from './route-error'

function Broken(): never {
  throw new Error('TypeError at Broken (render.tsx:3)')
}

beforeEach(() => {
  // React reports caught errors on the console; these tests are about what the person sees.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(cleanup)

describe('RouteErrorBoundary', () => {
  it('catches what breaks a page: an explanation and a way back, never a blank page', () => {
    render(
      <MemoryRouter>
        <RouteErrorBoundary>
          <Broken />
        </RouteErrorBoundary>
      </MemoryRouter>,
    )
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Go to the inbox' }).getAttribute('href')).toBe('/')
    expect(document.body.textContent).not.toContain('render.tsx')
    expect(document.title).toBe('Something went wrong — Inbox')
  })

  it('catches a page whose code cannot be loaded', async () => {
    const Unloadable = lazy(() => Promise.reject(new Error('Failed to fetch dynamically imported module')))
    render(
      <MemoryRouter>
        <RouteErrorBoundary>
          <Unloadable />
        </RouteErrorBoundary>
      </MemoryRouter>,
    )
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeTruthy()
  })

  it('tries the page again once the address changes', async () => {
    const probe: { navigate?: NavigateFunction } = {}
    function Probe() {
      const navigate = useNavigate()
      useEffect(() => {
        probe.navigate = navigate
      })
      return null
    }
    let broken = true
    function Page() {
      if (broken) throw new Error('broken for this address')
      return <p>The inbox</p>
    }
    render(
      <MemoryRouter initialEntries={['/?status=bogus']}>
        <Probe />
        <RouteErrorBoundary>
          <Page />
        </RouteErrorBoundary>
      </MemoryRouter>,
    )
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy()
    broken = false
    await act(async () => probe.navigate?.('/'))
    expect(screen.queryByRole('heading', { name: 'Something went wrong' })).toBeNull()
    expect(screen.getByText('The inbox')).toBeTruthy()
  })
})

describe('RouteError', () => {
  it('says an address that matches no page is not a page, with the way to the inbox', () => {
    render(
      <MemoryRouter initialEntries={['/no/such/page']}>
        <AppRoutes />
      </MemoryRouter>,
    )
    expect(screen.getByRole('heading', { name: 'There is no such page' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Go to the inbox' }).getAttribute('href')).toBe('/')
    expect(document.title).toBe('No such page — Inbox')
  })

  it('offers a reload for a crash', () => {
    render(<RouteError kind="crash" />)
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy()
  })
})
