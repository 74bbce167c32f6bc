// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { RouteError } from './route-error'

function Broken(): never {
  throw new Error('unexpected')
}

describe('RouteError', () => {
  it('catches what breaks a page: an explanation and a way back, never a blank page', () => {
    // React reports the caught error on the console; the test is about what the person sees.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const router = createMemoryRouter([{ path: '/', element: <Broken />, errorElement: <RouteError /> }])
    render(<RouterProvider router={router} />)
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Go to the inbox' }).getAttribute('href')).toBe('/')
    quiet.mockRestore()
  })
})
