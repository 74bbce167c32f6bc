// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useShortcuts, type ShortcutHandlers } from './use-shortcuts'

function Harness({ handlers }: { handlers: ShortcutHandlers }) {
  useShortcuts(handlers)
  return (
    <div>
      <input aria-label="Search" type="search" />
      <textarea aria-label="Note" />
      <button type="button">Button</button>
    </div>
  )
}

function setup() {
  const handlers = {
    next: vi.fn(),
    previous: vi.fn(),
    focusSearch: vi.fn(),
    showHelp: vi.fn(),
  } satisfies ShortcutHandlers
  render(<Harness handlers={handlers} />)
  return { handlers, user: userEvent.setup() }
}

afterEach(cleanup)

describe('useShortcuts', () => {
  it('runs the handler for each key', async () => {
    const { handlers, user } = setup()
    await user.keyboard('jk{ArrowDown}{ArrowUp}/?')
    expect(handlers.next).toHaveBeenCalledTimes(2)
    expect(handlers.previous).toHaveBeenCalledTimes(2)
    expect(handlers.focusSearch).toHaveBeenCalledTimes(1)
    expect(handlers.showHelp).toHaveBeenCalledTimes(1)
  })

  it('leaves Enter, o and Esc to where they land: the grid opens rows, the topmost layer closes', async () => {
    setup()
    const prevented: string[] = []
    const record = (event: KeyboardEvent) => event.defaultPrevented && prevented.push(event.key)
    document.addEventListener('keydown', record)
    await userEvent.setup().keyboard('o{Enter}{Escape}j')
    document.removeEventListener('keydown', record)
    expect(prevented).toEqual(['j'])
  })

  it('does nothing while typing in a field', async () => {
    const { handlers, user } = setup()
    await user.click(screen.getByRole('searchbox', { name: 'Search' }))
    await user.keyboard('jko/?{Escape}{Enter}')
    await user.click(screen.getByRole('textbox', { name: 'Note' }))
    await user.keyboard('jk')
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled()
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveProperty('value', 'jko/?')
  })

  it('leaves the arrows to a focused control, and ignores modifier combinations', async () => {
    const { handlers, user } = setup()
    screen.getByRole('button', { name: 'Button' }).focus()
    await user.keyboard('{ArrowDown}')
    expect(handlers.next).not.toHaveBeenCalled()
    await user.keyboard('j')
    expect(handlers.next).toHaveBeenCalledTimes(1)
    await user.keyboard('{Control>}k{/Control}')
    expect(handlers.previous).not.toHaveBeenCalled()
  })

  it('keeps "/" from being typed into the search box it focuses', async () => {
    const user = userEvent.setup()
    function FocusingHarness() {
      useShortcuts({ focusSearch: () => document.querySelector<HTMLInputElement>('input')?.focus() })
      return <input aria-label="Search" type="search" />
    }
    render(<FocusingHarness />)
    await user.keyboard('/')
    const search = screen.getByRole('searchbox', { name: 'Search' })
    expect(document.activeElement).toBe(search)
    expect(search).toHaveProperty('value', '')
  })
})
