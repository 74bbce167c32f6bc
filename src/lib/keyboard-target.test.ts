// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { ignoresShortcuts } from './keyboard-target'

function pressOn(html: string, selector: string, init: KeyboardEventInit): boolean {
  document.body.innerHTML = html
  const target = document.querySelector(selector)
  if (!target) throw new Error(`no ${selector}`)
  let ignored: boolean | undefined
  document.addEventListener('keydown', (event) => (ignored = ignoresShortcuts(event)), { once: true })
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }))
  if (ignored === undefined) throw new Error('no keydown reached the document')
  return ignored
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('ignoresShortcuts', () => {
  it('lets keys through on the page itself and on buttons', () => {
    expect(pressOn('<main tabindex="-1"></main>', 'main', { key: 'j' })).toBe(false)
    expect(pressOn('<button>x</button>', 'button', { key: '?' })).toBe(false)
  })

  it.each([
    ['<input type="search">', 'input'],
    ['<input>', 'input'],
    ['<textarea></textarea>', 'textarea'],
    ['<select><option>a</option></select>', 'select'],
    ['<div contenteditable="true"><p>text</p></div>', 'p'],
    ['<dialog open><button>x</button></dialog>', 'button'],
  ])('ignores keys while typing or inside a dialog: %s', (html, selector) => {
    expect(pressOn(html, selector, { key: 'j' })).toBe(true)
  })

  it('leaves the arrow keys to a radio but not the letters', () => {
    expect(pressOn('<input type="radio">', 'input', { key: 'ArrowDown' })).toBe(true)
    expect(pressOn('<input type="radio">', 'input', { key: 'j' })).toBe(false)
  })

  it('ignores keys with Ctrl, Meta or Alt held', () => {
    expect(pressOn('<main></main>', 'main', { key: 'k', ctrlKey: true })).toBe(true)
    expect(pressOn('<main></main>', 'main', { key: 'k', metaKey: true })).toBe(true)
    expect(pressOn('<main></main>', 'main', { key: 'k', altKey: true })).toBe(true)
  })
})
