// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  claimSend,
  DRAFTS_KEY,
  draftsSnapshot,
  isStaleSend,
  parseDrafts,
  recordCheck,
  recoverStaleSend,
  saveDraft,
  settleSend,
  STALE_SEND_MS,
  subscribeToDrafts,
  TAB_ID,
  type Draft,
} from './draft-store'

const draftOf = (id: string): Draft | undefined => draftsSnapshot().drafts[id]

/** What another tab does: it writes storage, and this tab hears a `storage` event. */
function otherTabWrites(change: (drafts: Record<string, Draft>) => void) {
  const drafts = { ...parseDrafts(window.localStorage.getItem(DRAFTS_KEY)) }
  change(drafts)
  const raw = JSON.stringify(drafts)
  window.localStorage.setItem(DRAFTS_KEY, raw)
  window.dispatchEvent(new StorageEvent('storage', { key: DRAFTS_KEY, newValue: raw }))
}

beforeEach(() => window.localStorage.clear())

describe('draft store', () => {
  it('keeps a draft per conversation as typed, and drops it when emptied', () => {
    saveDraft('c1', { text: 'Hello' })
    saveDraft('c2', { text: 'Other', channel: 'Email', subject: 'Re: Order' })
    expect(draftOf('c1')).toMatchObject({ text: 'Hello', send: { state: 'idle' } })
    expect(parseDrafts(window.localStorage.getItem(DRAFTS_KEY))).toHaveProperty('c2.subject', 'Re: Order')
    saveDraft('c1', { text: '' })
    expect(draftOf('c1')).toBeUndefined()
    expect(Object.keys(draftsSnapshot().drafts)).toEqual(['c2'])
  })

  it('hears another tab’s draft, and does not overwrite that tab’s other drafts', () => {
    const listener = vi.fn()
    const unsubscribe = subscribeToDrafts(listener)
    saveDraft('c1', { text: 'mine' })
    otherTabWrites((drafts) => {
      drafts.c2 = { text: 'theirs', updatedAt: 1, send: { state: 'idle' } }
    })
    expect(listener).toHaveBeenCalledTimes(2)
    expect(draftOf('c2')?.text).toBe('theirs')
    saveDraft('c1', { text: 'mine, longer' })
    expect(draftOf('c2')?.text).toBe('theirs')
    unsubscribe()
  })

  it('allows one send in flight per draft, whichever tab asks', () => {
    saveDraft('c1', { text: 'Hi' })
    const claim = claimSend('c1', 'Hi')
    expect(claim).toBeDefined()
    expect(draftOf('c1')?.send).toMatchObject({ state: 'sending', body: 'Hi', tabId: TAB_ID })
    expect(claimSend('c1', 'Hi')).toBeUndefined()

    // A second tab claimed first: this one sees the claim and does not send.
    otherTabWrites((drafts) => {
      drafts.c2 = { text: 'Yo', updatedAt: 1, send: { state: 'sending', sendId: 'x', startedAt: Date.now(), body: 'Yo', tabId: 'other' } }
    })
    expect(claimSend('c2', 'Yo')).toBeUndefined()
  })

  it('keeps the text on failure, clears it on success, and ignores an outcome for an older send', () => {
    saveDraft('c1', { text: 'Hi' })
    const first = claimSend('c1', 'Hi')
    settleSend('c1', first?.sendId ?? '', { kind: 'failed', reason: 'HighLevel had a problem' })
    expect(draftOf('c1')).toMatchObject({ text: 'Hi', send: { state: 'failed', reason: 'HighLevel had a problem' } })
    const second = claimSend('c1', 'Hi')
    settleSend('c1', first?.sendId ?? '', { kind: 'sent' })
    expect(draftOf('c1')?.send.state).toBe('sending')
    settleSend('c1', second?.sendId ?? '', { kind: 'sent' })
    expect(draftOf('c1')).toBeUndefined()
  })

  it('does not start another send after one that may have gone out, without the person’s word', () => {
    saveDraft('c1', { text: 'Hi' })
    const claim = claimSend('c1', 'Hi')
    settleSend('c1', claim?.sendId ?? '', { kind: 'maybe-sent' })
    expect(claimSend('c1', 'Hi')).toBeUndefined()
    recordCheck('c1', claim?.sendId ?? '', { found: false })
    expect(draftOf('c1')?.send).toMatchObject({ state: 'maybe-sent', checked: 'not-found', body: 'Hi' })
    expect(claimSend('c1', 'Hi', { afterMaybeSent: true })).toBeDefined()
  })

  it('takes a send left by a crashed or reloaded page for "may have been sent", but not a live tab’s', () => {
    const startedAt = 1_000_000
    otherTabWrites((drafts) => {
      drafts.c1 = { text: 'Hi', updatedAt: 1, send: { state: 'sending', sendId: 's1', startedAt, body: 'Hi', tabId: 'gone' } }
    })
    const send = draftOf('c1')?.send
    expect(send && isStaleSend(send, startedAt + 1000, new Set())).toBe(false)
    recoverStaleSend('c1', startedAt + 1000, new Set())
    expect(draftOf('c1')?.send.state).toBe('sending')
    recoverStaleSend('c1', startedAt + STALE_SEND_MS, new Set())
    expect(draftOf('c1')?.send).toMatchObject({ state: 'maybe-sent', sendId: 's1', body: 'Hi', startedAt })
    // This page's own send with no request waiting for it is stale at once.
    const own = { state: 'sending' as const, sendId: 's2', startedAt, body: 'x', tabId: TAB_ID }
    expect(isStaleSend(own, startedAt, new Set())).toBe(true)
    expect(isStaleSend(own, startedAt, new Set(['s2']))).toBe(false)
  })

  it('skips stored entries that are not drafts', () => {
    window.localStorage.setItem(DRAFTS_KEY, JSON.stringify({ c1: { text: 'ok', updatedAt: 1, send: { state: 'idle' } }, c2: { text: 5 } }))
    expect(Object.keys(draftsSnapshot().drafts)).toEqual(['c1'])
    expect(parseDrafts('nope')).toEqual({})
    expect(parseDrafts('[1]')).toEqual({})
  })

  it('keeps drafts in memory and says so when storage is full, then stores them again', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const listener = vi.fn()
    const unsubscribe = subscribeToDrafts(listener)
    saveDraft('c1', { text: 'Typed while full' })
    expect(draftsSnapshot()).toMatchObject({ stored: false, drafts: { c1: { text: 'Typed while full' } } })
    expect(listener).toHaveBeenCalled()
    setItem.mockRestore()
    saveDraft('c1', { text: 'Typed while full!' })
    expect(draftsSnapshot().stored).toBe(true)
    expect(parseDrafts(window.localStorage.getItem(DRAFTS_KEY)).c1?.text).toBe('Typed while full!')
    unsubscribe()
  })
})
