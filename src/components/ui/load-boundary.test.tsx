// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { lazy } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LoadBoundary } from './load-boundary'

afterEach(cleanup)

describe('LoadBoundary', () => {
  it('shows the fallback, then the part once its code is in', async () => {
    const Part = lazy(async () => ({ default: () => <p>Preferences</p> }))
    render(
      <LoadBoundary what="the preferences" fallback={<p>Loading…</p>}>
        <Part />
      </LoadBoundary>,
    )
    expect(screen.getByText('Loading…')).toBeTruthy()
    expect(await screen.findByText('Preferences')).toBeTruthy()
  })

  it('says what could not be loaded, in place, with a reload and a way to give up', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const onDismiss = vi.fn()
    const Part = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/x.js')))
    render(
      <main>
        <p>The rows stay</p>
        <LoadBoundary what="the preferences" onDismiss={onDismiss}>
          <Part />
        </LoadBoundary>
      </main>,
    )
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not load the preferences.')
    expect(alert.textContent).not.toContain('/assets/x.js')
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy()
    expect(screen.getByText('The rows stay')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(onDismiss).toHaveBeenCalledOnce()
  })
})
