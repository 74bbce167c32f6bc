// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, type Ref } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Message } from '../../api/schemas/message'
import { DRAFTS_KEY, parseDrafts, updateDraft } from './draft-store'
import { ReplyComposer, type ReplyComposerHandle, type ReplyComposerProps } from './reply-composer'

/** Drafts where storage fails (issue 17: "Blocked or full storage is announced"), and drafts across conversations. */

const NOTICE = 'Drafts cannot be saved in this browser (storage is blocked or full): this reply is kept only while this tab stays open.'
const inboundSms: Message = { id: 'm1', direction: 'inbound', messageType: 'TYPE_SMS', body: 'Can I move my appointment?', dateAdded: '2026-01-01T10:00:00.000Z' }

beforeEach(() => {
  window.localStorage.clear()
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ statusCode: 404, message: 'Not found' }, { status: 404 })),
  )
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  // Drafts kept in memory while storage failed are the draft store's module state: one good write ends that.
  updateDraft('reset', () => undefined)
  window.localStorage.clear()
})

function composer(conversationId: string, ref: Ref<ReplyComposerHandle>) {
  const props: ReplyComposerProps = {
    conversationId,
    contactId: `contact-${conversationId}`,
    locationId: 'loc1',
    contact: { name: 'Ana López', phone: '+15550100' },
    conversationType: 'TYPE_PHONE',
    messages: [inboundSms],
    onSending: vi.fn(),
    onSent: vi.fn(),
    onSendFailed: vi.fn(),
  }
  return <ReplyComposer key={conversationId} ref={ref} {...props} />
}

function renderComposer(conversationId: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const ref = createRef<ReplyComposerHandle>()
  const view = render(<QueryClientProvider client={client}>{composer(conversationId, ref)}</QueryClientProvider>)
  const show = (id: string) => view.rerender(<QueryClientProvider client={client}>{composer(id, ref)}</QueryClientProvider>)
  return { ref, show, user: userEvent.setup() }
}

const textbox = () => screen.getByRole('textbox', { name: /^Reply/ })
const notice = () => screen.queryByText(NOTICE)
const quotaExceeded = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
}

describe('ReplyComposer drafts', () => {
  it('says so when storage is full, and keeps the text while this tab is open, across conversations', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded)
    const { ref, show, user } = renderComposer('c1')
    act(() => ref.current?.focus())
    expect(notice()).toBeNull()
    await user.type(textbox(), 'Half a thought')
    expect(screen.getByText(NOTICE).getAttribute('role')).toBe('status')
    expect(textbox()).toHaveProperty('value', 'Half a thought')
    await user.type(textbox(), ' and more')
    expect(textbox()).toHaveProperty('value', 'Half a thought and more')
    expect(window.localStorage.getItem(DRAFTS_KEY)).toBeNull()

    show('c2')
    expect(screen.queryByRole('textbox')).toBeNull()
    show('c1')
    expect(textbox()).toHaveProperty('value', 'Half a thought and more')
    expect(screen.getByText(NOTICE)).toBeTruthy()
  })

  it('says so at once when storage is blocked, and still takes the text', async () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked)
    const { ref, user } = renderComposer('c1')
    expect(screen.getByText(NOTICE).getAttribute('role')).toBe('status')
    act(() => ref.current?.focus())
    await user.type(textbox(), 'Still here')
    expect(textbox()).toHaveProperty('value', 'Still here')
  })

  it('keeps each conversation’s draft when switching between them, and says nothing about storage that works', async () => {
    const { ref, show, user } = renderComposer('c1')
    act(() => ref.current?.focus())
    await user.type(textbox(), 'For the first')
    show('c2')
    expect(screen.queryByRole('textbox')).toBeNull()
    act(() => ref.current?.focus())
    await user.type(textbox(), 'For the second')
    show('c1')
    expect(textbox()).toHaveProperty('value', 'For the first')
    show('c2')
    expect(textbox()).toHaveProperty('value', 'For the second')
    const stored = parseDrafts(window.localStorage.getItem(DRAFTS_KEY))
    expect({ c1: stored.c1?.text, c2: stored.c2?.text }).toEqual({ c1: 'For the first', c2: 'For the second' })
    expect(screen.queryByText(NOTICE)).toBeNull()
  })
})
