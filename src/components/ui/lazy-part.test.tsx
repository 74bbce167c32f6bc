// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { lazyPart } from './lazy-part'
import { LoadBoundary } from './load-boundary'

afterEach(cleanup)

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>

describe('lazyPart', () => {
  it('fetches the code once, whether preloaded, rendered, or both', async () => {
    const load = vi.fn(async () => Greeting)
    const Part = lazyPart(load)
    Part.preload()
    Part.preload()
    render(
      <LoadBoundary what="the greeting" fallback={<p>Loading…</p>}>
        <Part name="Ada" />
      </LoadBoundary>,
    )
    expect(await screen.findByText('Hello Ada')).toBeTruthy()
    expect(load).toHaveBeenCalledOnce()
  })

  it('once preloaded, renders at once without suspending (as hydrating a server-rendered part needs)', async () => {
    const Part = lazyPart(async () => Greeting)
    await Part.preload()
    render(
      <LoadBoundary what="the greeting" fallback={<p>Loading…</p>}>
        <Part name="Ada" />
      </LoadBoundary>,
    )
    expect(screen.queryByText('Loading…')).toBeNull()
    expect(screen.getByText('Hello Ada')).toBeTruthy()
  })

  it('says when its code is here; a boundary told so draws no Suspense boundary, so the part hydrates with the rest', async () => {
    const Part = lazyPart(async () => Greeting)
    expect(Part.isLoaded()).toBe(false)
    await Part.preload()
    expect(Part.isLoaded()).toBe(true)
    const page = (ready: boolean) =>
      renderToString(
        <LoadBoundary what="the greeting" ready={ready}>
          <Part name="Ada" />
        </LoadBoundary>,
      )
    // React's markers of a Suspense boundary, which hydrates in a later pass of its own.
    expect(page(false)).toContain('<!--$-->')
    expect(page(true)).toBe('<p>Hello <!-- -->Ada</p>')
  })

  it('a failed preload throws nothing, and the render fetches again', async () => {
    let fail: (error: Error) => void = () => {}
    const firstFetch = new Promise<typeof Greeting>((_, reject) => (fail = reject))
    const load = vi.fn<() => Promise<typeof Greeting>>().mockReturnValueOnce(firstFetch).mockResolvedValue(Greeting)
    const Part = lazyPart(load)
    expect(() => Part.preload()).not.toThrow()
    fail(new TypeError('Failed to fetch dynamically imported module'))
    // Settled for the part too: its handler was attached first.
    await firstFetch.catch(() => undefined)
    render(
      <LoadBoundary what="the greeting">
        <Part name="Grace" />
      </LoadBoundary>,
    )
    expect(await screen.findByText('Hello Grace')).toBeTruthy()
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('a render whose fetch fails says what could not load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const Part = lazyPart<{ name: string }>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')))
    render(
      <LoadBoundary what="the greeting">
        <Part name="Linus" />
      </LoadBoundary>,
    )
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load the greeting.')
  })
})
