// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppRoutes } from '../router'
import { RouteError, RouteErrorBoundary } from './route-error'

function Broken(): never {
  throw new Error('TypeError at Broken (render.tsx:3)')
}

afterEach(cleanup)

describe('RouteErrorBoundary', () => {
  it('catches what breaks a page: an explanation and a way back, never a blank page', () => {
    // React reports the caught error on the console; the test is about what the person sees.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    render(
      <RouteErrorBoundary>
        <Broken />
      </RouteErrorBoundary>,
    )
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Go to the inbox' }).getAttribute('href')).toBe('/')
    expect(document.body.textContent).not.toContain('render.tsx')
    quiet.mockRestore()
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
  })

  it('shows the crash text only for a crash', () => {
    render(<RouteError kind="crash" />)
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy()
  })
})
