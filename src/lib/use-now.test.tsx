// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useNow } from './use-now'

function Clock({ label }: { label: string }) {
  return (
    <p>
      {label}: {useNow()}
    </p>
  )
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('useNow', () => {
  it('ticks every minute, one clock for every reader', () => {
    render(
      <>
        <Clock label="a" />
        <Clock label="b" />
      </>,
    )
    const start = Number(screen.getByText(/^a:/).textContent?.split(': ')[1])
    act(() => vi.advanceTimersByTime(60_000))
    expect(screen.getByText(/^a:/).textContent).toBe(`a: ${start + 60_000}`)
    expect(screen.getByText(/^b:/).textContent).toBe(`b: ${start + 60_000}`)
  })

  it('gives the first reader after a pause the time now, not when the clock stopped', () => {
    const first = render(<Clock label="a" />)
    first.unmount()
    vi.setSystemTime(1_000_000 + 10 * 60_000)
    render(<Clock label="b" />)
    expect(screen.getByText(/^b:/).textContent).toBe(`b: ${1_000_000 + 10 * 60_000}`)
  })
})
