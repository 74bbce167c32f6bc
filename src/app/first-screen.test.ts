import { describe, expect, it } from 'vitest'
import { parseFirstScreen } from './first-screen'

const good = {
  now: 1_700_000_000_000,
  origin: 'http://127.0.0.1:4173',
  storage: { 'inbox-density': 'compact' },
  config: { mode: 'emulator', locationId: 'loc123456789', readOnly: false },
  firstPage: { status: 200, body: { conversations: [], total: 0 } },
}

describe('parseFirstScreen', () => {
  it('gives back what the server wrote', () => {
    expect(parseFirstScreen(JSON.stringify(good))).toEqual(good)
  })

  it('accepts a page sent without its first rows', () => {
    const shell: Partial<typeof good> = { ...good }
    delete shell.firstPage
    expect(parseFirstScreen(JSON.stringify(shell))).toEqual(shell)
  })

  it.each([
    ['nothing', undefined],
    ['an empty element', ''],
    ['JSON cut short', JSON.stringify(good).slice(0, 40)],
    ['not an object', '[1,2]'],
    ['a clock that is not a number', JSON.stringify({ ...good, now: 'yesterday' })],
    ['stored values that are not strings', JSON.stringify({ ...good, storage: { 'inbox-density': 3 } })],
    ['a config without its location', JSON.stringify({ ...good, config: { mode: 'emulator' } })],
    ['an unknown mode', JSON.stringify({ ...good, config: { ...good.config, mode: 'prod' } })],
    ['a first page without a status', JSON.stringify({ ...good, firstPage: { body: {} } })],
  ])('refuses %s, so the app renders on its own', (_name, text) => {
    expect(parseFirstScreen(text)).toBeUndefined()
  })
})
