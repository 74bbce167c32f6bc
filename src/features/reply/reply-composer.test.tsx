// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Message } from '../../api/schemas/message'
import { DRAFTS_KEY, parseDrafts } from './draft-store'
import { ReplyComposer, type ReplyComposerHandle, type ReplyComposerProps } from './reply-composer'

type Answer = Response | (() => Response | Promise<Response>)
let answers: Record<string, Answer[]>
let calls: { method: string; url: string; body: unknown }[]

/** Answers by "METHOD url", in order; the last one repeats. */
function answer(key: string, ...responses: Answer[]) {
  answers[key] = responses
}

beforeEach(() => {
  window.localStorage.clear()
  answers = {}
  calls = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined })
      const queue = answers[`${method} ${url}`]
      const next = queue && (queue.length > 1 ? queue.shift() : queue[0])
      if (!next) return Response.json({ statusCode: 404, message: 'Not found' }, { status: 404 })
      return typeof next === 'function' ? next() : next.clone()
    }),
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const SEND = 'POST /api/conversations/messages'
const sends = () => calls.filter((call) => `${call.method} ${call.url}` === SEND)
const inboundSms: Message = { id: 'm1', direction: 'inbound', messageType: 'TYPE_SMS', body: 'Can I move my appointment?', dateAdded: '2026-01-01T10:00:00.000Z' }

function renderComposer(props: Partial<ReplyComposerProps> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const ref = createRef<ReplyComposerHandle>()
  const callbacks = { onSending: vi.fn(), onSent: vi.fn(), onSendFailed: vi.fn() }
  const allProps: ReplyComposerProps = {
    conversationId: 'c1',
    contactId: 'k1',
    locationId: 'loc1',
    locationName: 'Acme Dental',
    contact: { name: 'Ana López', phone: '+15550100', email: 'ana@example.com' },
    conversationType: 'TYPE_PHONE',
    messages: [inboundSms],
    highLevelUrl: 'https://app.example.com/v2/location/loc1/conversations/conversations/c1',
    userName: 'Sam Agent',
    ...callbacks,
    ...props,
  }
  const view = render(
    <QueryClientProvider client={client}>
      <ReplyComposer ref={ref} {...allProps} />
    </QueryClientProvider>,
  )
  return { ref, callbacks, user: userEvent.setup(), view, client }
}

const textbox = () => screen.getByRole('textbox', { name: /^Reply/ })

describe('ReplyComposer', () => {
  it('opens on "Reply" and on the pane’s r key (focus()), on the channel the customer wrote on', async () => {
    const { ref, user } = renderComposer()
    await user.click(screen.getByRole('button', { name: 'Reply' }))
    expect(document.activeElement).toBe(textbox())
    expect(textbox()).toHaveProperty('labels.0.textContent', 'Reply by SMS')
    expect(screen.getByRole('combobox', { name: 'Channel' })).toHaveProperty('value', 'SMS')
    cleanup()
    const second = renderComposer({ conversationId: 'c2' })
    act(() => second.ref.current?.focus())
    expect(document.activeElement).toBe(textbox())
    expect(ref.current).toBeNull()
  })

  it('counts SMS characters and segments', async () => {
    const { ref, user } = renderComposer()
    act(() => ref.current?.focus())
    await user.type(textbox(), 'Hi €')
    expect(screen.getByText(/4 characters · 1 segment \(GSM-7/)).toBeTruthy()
    await user.type(textbox(), ' 😀')
    expect(screen.getByText(/6 characters · 1 segment \(UCS-2/)).toBeTruthy()
  })

  it('sends once on Ctrl+Enter, shows it in the thread at once, then with HighLevel’s id', async () => {
    answer(SEND, Response.json({ conversationId: 'c1', messageId: 'm9', status: 'pending' }))
    const { ref, user, callbacks } = renderComposer()
    act(() => ref.current?.focus())
    await user.type(textbox(), 'Yes, Tuesday works')
    await user.keyboard('{Control>}{Enter}{Enter}{/Control}')
    await screen.findByText('Sent.')
    expect(sends()).toHaveLength(1)
    expect(sends()[0]?.body).toEqual({ type: 'SMS', contactId: 'k1', message: 'Yes, Tuesday works' })
    const pending = callbacks.onSending.mock.calls[0]?.[0] as Message
    expect(pending).toMatchObject({ status: 'Sending…', direction: 'outbound', body: 'Yes, Tuesday works' })
    expect(callbacks.onSent).toHaveBeenCalledWith(expect.objectContaining({ id: 'm9', body: 'Yes, Tuesday works' }), pending.id)
    expect(textbox()).toHaveProperty('value', '')
    expect(parseDrafts(window.localStorage.getItem(DRAFTS_KEY))).toEqual({})
  })

  it('asks before sending over a teammate’s fresh reply, showing it; nothing is sent until confirmed', async () => {
    answer(SEND, Response.json({ conversationId: 'c1', messageId: 'm9' }))
    const otherReply = { id: 'm5', who: 'Ann', text: 'Moved you to Tuesday 10:00' }
    const { ref, user } = renderComposer({ otherReply })
    act(() => ref.current?.focus())
    await user.type(textbox(), 'Tuesday it is')
    await user.keyboard('{Control>}{Enter}{/Control}')
    const warning = await screen.findByRole('alert')
    expect(warning.textContent).toContain('Ann replied since you opened this conversation:')
    expect(warning.textContent).toContain('Moved you to Tuesday 10:00')
    await user.click(screen.getByRole('button', { name: 'Keep editing' }))
    expect(screen.queryByRole('alert')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(sends()).toHaveLength(0)
    await user.click(await screen.findByRole('button', { name: 'Send anyway' }))
    await screen.findByText('Sent.')
    expect(sends()).toHaveLength(1)
  })

  it('checks HighLevel’s newest right before sending: a reply it finds asks first, presses meanwhile send nothing', async () => {
    answer(SEND, Response.json({ conversationId: 'c1', messageId: 'm9' }))
    let finish: (found: { id: string; who: string; text: string } | undefined) => void = () => {}
    const beforeSend = vi.fn(() => new Promise<{ id: string; who: string; text: string } | undefined>((resolve) => (finish = resolve)))
    const { ref, user } = renderComposer({ beforeSend })
    act(() => ref.current?.focus())
    await user.type(textbox(), 'Tuesday it is')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect((await screen.findByText('Checking HighLevel for a newer reply…')).getAttribute('role')).toBe('status')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(beforeSend).toHaveBeenCalledTimes(1)
    act(() => finish({ id: 'm7', who: 'Bea Quinn', text: 'Booked you for Tuesday' }))
    const warning = await screen.findByRole('alert')
    expect(warning.textContent).toContain('Bea Quinn replied since you opened this conversation:')
    expect(warning.textContent).toContain('Booked you for Tuesday')
    expect(screen.queryByText('Checking HighLevel for a newer reply…')).toBeNull()
    expect(sends()).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'Send anyway' }))
    // Checked again (it may find a newer one still): this time the same reply, confirmed.
    act(() => finish({ id: 'm7', who: 'Bea Quinn', text: 'Booked you for Tuesday' }))
    await screen.findByText('Sent.')
    expect(sends()).toHaveLength(1)
    expect(beforeSend).toHaveBeenCalledTimes(2)
  })

  it('sends when the check right before finds nothing, or fails', async () => {
    answer(SEND, Response.json({ conversationId: 'c1', messageId: 'm9' }))
    const beforeSend = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('offline'))
    const { ref, user } = renderComposer({ beforeSend })
    act(() => ref.current?.focus())
    await user.type(textbox(), 'First')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await screen.findByText('Sent.')
    await user.type(textbox(), 'Second')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(sends()).toHaveLength(2))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('keeps the text with the reason on failure, and "Try again" sends it once', async () => {
    answer(
      SEND,
      Response.json({ statusCode: 502, message: 'Could not reach HighLevel (ECONNREFUSED)' }, { status: 502 }),
      Response.json({ conversationId: 'c1', messageId: 'm9' }),
    )
    const { ref, user, callbacks } = renderComposer()
    act(() => ref.current?.focus())
    await user.type(textbox(), 'See you then')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not sent: .*ECONNREFUSED/)
    expect(textbox()).toHaveProperty('value', 'See you then')
    expect(callbacks.onSendFailed).toHaveBeenCalledTimes(1)
    await user.dblClick(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByText('Sent.')
    expect(sends()).toHaveLength(2)
  })

  it('after a dropped connection says it may have been sent, finds it in the thread, and does not send again', async () => {
    answer(SEND, () => Promise.reject(new TypeError('Failed to fetch')))
    answer('GET /api/conversations/c1/messages?limit=20', () =>
      Response.json({
        messages: { lastMessageId: null, nextPage: false, messages: [{ id: 'm9', direction: 'outbound', messageType: 'TYPE_SMS', body: 'On my way', dateAdded: new Date().toISOString() }, inboundSms] },
      }),
    )
    const { ref, user, callbacks } = renderComposer()
    act(() => ref.current?.focus())
    await user.type(textbox(), 'On my way')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(callbacks.onSent).toHaveBeenCalledWith(expect.objectContaining({ id: 'm9' }), expect.stringMatching(/^pending-/)))
    expect(sends()).toHaveLength(1)
    expect(parseDrafts(window.localStorage.getItem(DRAFTS_KEY))).toEqual({})
  })

  it('when the check cannot find it, re-sends only on the person’s word', async () => {
    answer(SEND, () => Promise.reject(new TypeError('Failed to fetch')), Response.json({ messageId: 'm10' }))
    answer('GET /api/conversations/c1/messages?limit=20', Response.json({ messages: { nextPage: false, messages: [inboundSms] } }))
    const { ref, user } = renderComposer()
    act(() => ref.current?.focus())
    await user.type(textbox(), 'On my way')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect((await screen.findByRole('alert')).textContent).toMatch(/May have been sent: it is not in the conversation yet/)
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull()
    await user.keyboard('{Control>}{Enter}{/Control}')
    await user.click(screen.getByRole('button', { name: 'Check again' }))
    await screen.findByRole('button', { name: 'Send again' })
    expect(sends()).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Send again' }))
    await screen.findByText('Sent.')
    expect(sends()).toHaveLength(2)
  })

  it('picks up a send a reloaded page left half done, and checks before anything else', async () => {
    window.localStorage.setItem(
      DRAFTS_KEY,
      JSON.stringify({ c1: { text: 'Hi', updatedAt: 1, send: { state: 'maybe-sent', sendId: 's1', startedAt: Date.now(), body: 'Hi' } } }),
    )
    answer('GET /api/conversations/c1/messages?limit=20', Response.json({ messages: { nextPage: false, messages: [] } }))
    renderComposer()
    expect(screen.getByRole('status').textContent).toBe('May have been sent — checking…')
    await screen.findByRole('button', { name: 'Send again' })
    expect(sends()).toHaveLength(0)
  })

  it('inserts a template with the placeholders it knows filled, and asks before sending the rest', async () => {
    answer(
      'GET /api/locations/loc1/templates?originId=loc1&type=sms&skip=0&limit=50',
      Response.json({
        templates: [
          { id: 't1', name: 'Reminder', type: 'sms', template: { body: 'Hi {{contact.first_name}}, {{user.name}} from {{location.name}}: code {{contact.code}}' } },
          { id: 't2', name: 'Thanks', type: 'sms', template: { body: 'Thank you!' } },
        ],
        totalCount: 2,
      }),
    )
    answer(SEND, Response.json({ messageId: 'm9' }))
    const { ref, user } = renderComposer()
    act(() => ref.current?.focus())
    await user.type(textbox(), '#')
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search templates' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search templates' }), 'remind')
    await user.click(await screen.findByRole('button', { name: /^Reminder/ }))
    expect(textbox()).toHaveProperty('value', 'Hi Ana, Sam Agent from Acme Dental: code {{contact.code}}')
    expect(document.activeElement).toBe(textbox())
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(screen.getByRole('alert').textContent).toContain('still holds {{contact.code}}')
    expect(sends()).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'Send anyway' }))
    await screen.findByText('Sent.')
    expect(sends()).toHaveLength(1)
  })

  it('answers an email with "Re: " + its subject, fetched by id, threaded on it', async () => {
    const email: Message = { id: 'm5', direction: 'inbound', messageType: 'TYPE_EMAIL', body: '<p>Where is my order?</p>', meta: { email: { messageIds: ['e5'] } } }
    answer('GET /api/conversations/messages/email/e5', Response.json({ id: 'e5', threadId: 'm5', subject: 'Order 42' }))
    answer('GET /api/locations/loc1/templates?originId=loc1&type=email&skip=0&limit=50', Response.json({
      templates: [{ id: 'e1', name: 'Shipping', type: 'email', template: { subject: 'Shipping', html: '<p>It ships <b>today</b>.</p>' } }],
    }))
    answer(SEND, Response.json({ messageId: 'm9', emailMessageId: 'e9' }))
    const { ref, user } = renderComposer({ messages: [email, inboundSms] })
    act(() => ref.current?.focus())
    expect(screen.getByRole('combobox', { name: 'Channel' })).toHaveProperty('value', 'Email')
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveProperty('value', 'Re: Order 42'))
    await user.click(screen.getByRole('button', { name: 'Templates' }))
    await user.click(await screen.findByRole('button', { name: /^Shipping/ }))
    expect(textbox()).toHaveProperty('value', 'It ships today.')
    expect(screen.getByText(/as plain text: the email template's formatting is not kept/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await screen.findByText('Sent.')
    expect(sends()[0]?.body).toMatchObject({
      type: 'Email',
      subject: 'Re: Order 42',
      message: 'It ships today.',
      html: 'It ships today.',
      replyMessageId: 'e5',
      threadId: 'm5',
    })
  })

  it('keeps a draft across a reload and hears another tab’s typing', async () => {
    const first = renderComposer()
    act(() => first.ref.current?.focus())
    await first.user.type(textbox(), 'Half a thought')
    cleanup()
    renderComposer()
    expect(textbox()).toHaveProperty('value', 'Half a thought')
    act(() => {
      const drafts = parseDrafts(window.localStorage.getItem(DRAFTS_KEY))
      const raw = JSON.stringify({ ...drafts, c1: { ...drafts.c1, text: 'Typed in the other tab' } })
      window.localStorage.setItem(DRAFTS_KEY, raw)
      window.dispatchEvent(new StorageEvent('storage', { key: DRAFTS_KEY, newValue: raw }))
    })
    expect(textbox()).toHaveProperty('value', 'Typed in the other tab')
  })

  it('stays open to say "Sent." when it opened on a stored draft', async () => {
    window.localStorage.setItem(DRAFTS_KEY, JSON.stringify({ c1: { text: 'Stored', updatedAt: 1, send: { state: 'idle' } } }))
    answer(SEND, Response.json({ messageId: 'm9' }))
    const { user } = renderComposer()
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await screen.findByText('Sent.')
    expect(textbox()).toHaveProperty('value', '')
  })

  it('names the scope a token lacks', async () => {
    answer(SEND, Response.json({ statusCode: 401, message: 'The token is not authorized for this scope.' }, { status: 401 }))
    const { ref, user } = renderComposer()
    act(() => ref.current?.focus())
    await user.type(textbox(), 'Hello')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect((await screen.findByRole('alert')).textContent).toContain('conversations/message.write')
  })

  it('sends calls, reviews and the like to HighLevel', async () => {
    const { user } = renderComposer({ messages: [{ id: 'm1', direction: 'inbound', messageType: 'TYPE_CALL' }] })
    expect(screen.getByText(/wrote on Call, which HighLevel’s API cannot answer/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Reply in HighLevel' })).toHaveProperty('href', 'https://app.example.com/v2/location/loc1/conversations/conversations/c1')
    expect(screen.queryByRole('textbox')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Reply by another channel' }))
    await user.click(screen.getByRole('button', { name: 'Reply' }))
    expect(textbox()).toBeTruthy()
  })

  it('shows no composer on a read-only server, and keeps the draft when the server refuses as read-only', async () => {
    renderComposer({ readOnly: true })
    expect(screen.getByText(/server is read-only/)).toBeTruthy()
    expect(screen.queryByRole('textbox')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull()
    cleanup()

    answer(SEND, Response.json({ statusCode: 403, message: 'This server is read-only' }, { status: 403 }))
    const { ref, user } = renderComposer()
    act(() => ref.current?.focus())
    await user.type(textbox(), 'Hello')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect((await screen.findByText(/This server is read-only\. Replies cannot be sent/)).textContent).toContain('Your draft is kept')
    expect(screen.queryByRole('textbox')).toBeNull()
    expect(parseDrafts(window.localStorage.getItem(DRAFTS_KEY)).c1?.text).toBe('Hello')
  })
})
