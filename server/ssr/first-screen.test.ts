import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COLUMN_PREFS_KEY } from '../../src/features/inbox/column-prefs.ts'
import { PREFERENCES_KEY } from '../../src/features/preferences/preferences-store.ts'
import { MIRRORED_KEYS, STORAGE_COOKIE } from '../../src/lib/storage-cookie-names.ts'
import { mayReadUpstream, readFirstPage, scriptSafeJson, sharesZone, storageFromCookie } from './first-screen.ts'

describe('mayReadUpstream', () => {
  const headers = (site?: string, mode?: string) =>
    new Headers({ ...(site ? { 'sec-fetch-site': site } : {}), ...(mode ? { 'sec-fetch-mode': mode } : {}) })

  it('reads for a typed or same-origin navigation only', () => {
    expect(mayReadUpstream(headers('none', 'navigate'))).toBe(true)
    expect(mayReadUpstream(headers('same-origin', 'navigate'))).toBe(true)
    expect(mayReadUpstream(headers('cross-site', 'navigate'))).toBe(false)
    expect(mayReadUpstream(headers('same-site', 'navigate'))).toBe(false)
    expect(mayReadUpstream(headers('same-origin', 'no-cors'))).toBe(false)
    expect(mayReadUpstream(headers())).toBe(false)
  })
})

describe('storageFromCookie', () => {
  const cookie = (value: unknown) => `other=1; ${STORAGE_COOKIE}=${encodeURIComponent(JSON.stringify(value))}; more=2`

  it('names the keys the stores use', () => {
    expect(MIRRORED_KEYS).toEqual([PREFERENCES_KEY, COLUMN_PREFS_KEY])
  })

  it('keeps the mirrored keys’ strings, and nothing else', () => {
    const raw = JSON.stringify({ density: 'compact' })
    expect(storageFromCookie(cookie({ [PREFERENCES_KEY]: raw, 'highlevel-inbox:drafts': 'x', [COLUMN_PREFS_KEY]: 3 }))).toEqual({
      [PREFERENCES_KEY]: raw,
    })
  })

  it('ignores a damaged or oversized cookie', () => {
    expect(storageFromCookie(`${STORAGE_COOKIE}=%7Bnot json`)).toEqual({})
    expect(storageFromCookie(cookie([1, 2]))).toEqual({})
    expect(storageFromCookie(cookie({ [PREFERENCES_KEY]: 'x'.repeat(5000) }))).toEqual({})
    expect(storageFromCookie(null)).toEqual({})
  })
})

describe('sharesZone', () => {
  it('renders rows for a browser with the server’s time zone and locale, or one not heard from yet', () => {
    expect(sharesZone(null, 'UTC en-US')).toBe(true)
    expect(sharesZone('inbox-zone=UTC%20en-US', 'UTC en-US')).toBe(true)
    expect(sharesZone('a=1; inbox-zone=Europe%2FBerlin%20de-DE', 'UTC en-US')).toBe(false)
    expect(sharesZone('inbox-zone=UTC%20de-DE', 'UTC en-US')).toBe(false)
  })
})

describe('scriptSafeJson', () => {
  it('reads back as the same value, with no character that could end or change a script element', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, text) => {
        const hostile = { value, text: `${text}</script><script>alert(1)</script><!-- \u2028\u2029 -->` }
        const json = scriptSafeJson(hostile)
        expect(json).not.toMatch(/[<>&\u2028\u2029]/)
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(hostile)))
      }),
    )
  })
})

describe('readFirstPage', () => {
  it('gives the answer that comes within the wait', async () => {
    const answer = await readFirstPage(async () => Response.json({ total: 0 }, { status: 503 }), '/api/x', 1000)
    expect(answer).toEqual({ status: 503, body: { total: 0 } })
  })

  it('gives up after the wait, leaving the read to go on', async () => {
    let finished = false
    let release: () => void = () => {}
    const read = () =>
      new Promise<Response>((resolve) => {
        release = () => resolve(Response.json({}))
      }).finally(() => (finished = true))
    expect(await readFirstPage(read, '/api/x', 5)).toBeUndefined()
    expect(finished).toBe(false)
    release()
  })

  it('gives nothing when the read itself fails', async () => {
    expect(await readFirstPage(() => Promise.reject(new Error('down')), '/api/x', 1000)).toBeUndefined()
  })
})
