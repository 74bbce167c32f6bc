// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Message } from '../../api/schemas/message'
import { draftsSnapshot, saveDraft, SEND_TIMEOUT_MS } from './draft-store'
import { findSentMessage, sendReply, textToHtml } from './send-reply'

beforeEach(() => window.localStorage.clear())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const request = { conversationId: 'c1', contactId: 'k1', type: 'SMS' as const, text: 'Hi' }

describe('sendReply', () => {
  it('gives up after the timeout and counts the send as maybe sent, not failed', async () => {
    vi.useFakeTimers()
    const fetchMock = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    )
    vi.stubGlobal('fetch', fetchMock)
    saveDraft('c1', { text: 'Hi' })
    const onSendFailed = vi.fn()
    const result = sendReply(request, { onSendFailed })
    expect(await sendReply(request, {})).toBe('not-claimed')
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS)
    expect(await result).toBe('maybe-sent')
    expect(draftsSnapshot().drafts.c1?.send).toMatchObject({ state: 'maybe-sent', body: 'Hi' })
    expect(onSendFailed).toHaveBeenCalledTimes(1)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('marks a send cut short by the page going away as maybe sent', async () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)))
    void sendReply(request, {})
    window.dispatchEvent(new Event('pagehide'))
    expect(draftsSnapshot().drafts.c1?.send.state).toBe('maybe-sent')
  })
})

describe('findSentMessage', () => {
  const startedAt = Date.parse('2026-03-01T12:00:00.000Z')
  const message = (fields: Partial<Message>): Message => ({ id: 'm', direction: 'outbound', dateAdded: '2026-03-01T12:00:05.000Z', ...fields })

  it('finds an outbound message with the same text since the send began, HTML or not', () => {
    expect(findSentMessage([message({ body: '<p>Line one<br>line  two</p>' })], 'Line one\nline two', startedAt)?.id).toBe('m')
    expect(findSentMessage([message({ body: 'Hi' })], 'Hi', startedAt)).toBeDefined()
  })

  it('ignores inbound, older, pending and different messages', () => {
    expect(findSentMessage([message({ body: 'Hi', direction: 'inbound' })], 'Hi', startedAt)).toBeUndefined()
    expect(findSentMessage([message({ body: 'Hi', dateAdded: '2026-03-01T11:00:00.000Z' })], 'Hi', startedAt)).toBeUndefined()
    expect(findSentMessage([message({ body: 'Hi', id: 'pending-1' })], 'Hi', startedAt)).toBeUndefined()
    expect(findSentMessage([message({ body: 'Hi there' })], 'Hi', startedAt)).toBeUndefined()
  })
})

describe('textToHtml', () => {
  it('escapes the text and keeps its lines', () => {
    expect(textToHtml('a < b & "c"\nd')).toBe('a &lt; b &amp; &quot;c&quot;<br>d')
  })
})
