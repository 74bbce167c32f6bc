import { listMessages } from '../../api/list-messages'
import type { Message } from '../../api/schemas/message'
import { messageTypeFor, type SendMessageBody, type SendType } from '../../api/schemas/send'
import { sendMessage, sentMessageId } from '../../api/send-message'
import { cleanText, htmlToText } from '../../lib/plain-text'
import { claimSend, newSendId, recordCheck, SEND_TIMEOUT_MS, settleSend, type SendClaim, type SendOutcome, type SendState } from './draft-store'
import { sendOutcomeOf, SendTimeoutError } from './send-errors'

export interface ReplyRequest {
  conversationId: string
  contactId: string
  type: SendType
  text: string
  /** Email only. */
  subject?: string
  replyMessageId?: string
  threadId?: string
}

/** How the pane shows a reply in its thread: at once as "Sending…", then as HighLevel has it. */
export interface ReplyThreadCallbacks {
  /** A reply is on its way: show `message` (id `pending-…`, status "Sending…") at the top of the thread. */
  onSending?: (message: Message) => void
  /** HighLevel has it: `message` carries its id, and replaces the pending one `pendingId` (or is added). */
  onSent?: (message: Message, pendingId: string) => void
  /** The pending one did not (or may not have) become a message: take it away; the composer says why. */
  onSendFailed?: (pendingId: string) => void
}

/** The sends this page is waiting for: any other "sending" draft belongs to a tab or page that is gone. */
const inFlight = new Set<string>()
export const sendsInFlight: ReadonlySet<string> = inFlight

export const pendingIdOf = (sendId: string) => `pending-${sendId}`

function pendingMessage(request: ReplyRequest, claim: SendClaim): Message {
  return {
    id: pendingIdOf(claim.sendId),
    body: request.text,
    direction: 'outbound',
    status: 'Sending…',
    messageType: messageTypeFor(request.type),
    contentType: 'text/plain',
    dateAdded: new Date(claim.startedAt).toISOString(),
  }
}

/** Plain text as the HTML body of an email: escaped, with its line breaks kept. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  return escaped.replace(/\r?\n/g, '<br>')
}

function bodyOf(request: ReplyRequest): SendMessageBody {
  const base = { type: request.type, contactId: request.contactId, message: request.text }
  if (request.type !== 'Email') return base
  return {
    ...base,
    subject: request.subject,
    html: textToHtml(request.text),
    replyMessageId: request.replyMessageId,
    threadId: request.threadId,
  }
}

export type SendResult = 'sent' | 'failed' | 'maybe-sent' | 'not-claimed'

/**
 * Sends a draft's text once: claims the draft's one send (nothing is sent when another is in
 * flight or may have gone out, unless `afterMaybeSent` says the person wants it sent again),
 * gives up after SEND_TIMEOUT_MS, and records the outcome in the draft.
 */
export async function sendReply(
  request: ReplyRequest,
  callbacks: ReplyThreadCallbacks,
  options: { afterMaybeSent?: boolean } = {},
): Promise<SendResult> {
  const { conversationId } = request
  // In flight before it is claimed: the claim's own change notice must not find it stale.
  const sendId = newSendId()
  inFlight.add(sendId)
  const claim = claimSend(conversationId, request.text, { afterMaybeSent: options.afterMaybeSent, sendId })
  if (!claim) {
    inFlight.delete(sendId)
    return 'not-claimed'
  }
  const pending = pendingMessage(request, claim)
  callbacks.onSending?.(pending)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new SendTimeoutError()), SEND_TIMEOUT_MS)
  // The page going away mid-send leaves the answer unknown: say so now rather than after STALE_SEND_MS.
  const onPageHide = () => settleSend(conversationId, claim.sendId, { kind: 'maybe-sent' })
  window.addEventListener('pagehide', onPageHide)
  let outcome: SendOutcome
  let sent: Message | undefined
  try {
    const answer = await sendMessage(bodyOf(request), controller.signal)
    const id = sentMessageId(answer)
    // A 2xx without an id most likely went out, but only the thread can tell.
    outcome = id ? { kind: 'sent' } : { kind: 'maybe-sent' }
    if (id) sent = { ...pending, id, status: answer.status ?? 'sent' }
  } catch (error) {
    outcome = controller.signal.aborted ? { kind: 'maybe-sent' } : sendOutcomeOf(error)
  } finally {
    clearTimeout(timer)
    window.removeEventListener('pagehide', onPageHide)
    inFlight.delete(claim.sendId)
  }
  settleSend(conversationId, claim.sendId, outcome)
  if (sent) callbacks.onSent?.(sent, pending.id)
  else callbacks.onSendFailed?.(pending.id)
  return outcome.kind
}

/** Clocks differ: HighLevel's date for the message may be a little before our start. */
const CLOCK_SKEW_MS = 60_000

function comparable(body: string): string {
  const text = /<[a-z][^>]*>/i.test(body) ? htmlToText(body) : body
  return cleanText(text).replace(/\s+/g, ' ').trim()
}

/** An outbound message with this text, dated since the send began (newest first, as listed). */
export function findSentMessage(messages: readonly Message[], body: string, startedAt: number): Message | undefined {
  const wanted = comparable(body)
  return messages.find((message) => {
    if (message.direction !== 'outbound' || !message.dateAdded || message.id.startsWith('pending-')) return false
    const date = Date.parse(message.dateAdded)
    return date >= startedAt - CLOCK_SKEW_MS && comparable(message.body ?? '') === wanted
  })
}

/** Looks in the conversation's newest messages for a send that may have gone out, and records what it found. */
export async function checkMaybeSent(
  conversationId: string,
  send: Extract<SendState, { state: 'maybe-sent' }>,
  callbacks: ReplyThreadCallbacks,
  describe: (error: unknown) => string,
): Promise<void> {
  let messages: Message[]
  try {
    messages = (await listMessages(conversationId, null)).messages
  } catch (error) {
    recordCheck(conversationId, send.sendId, { found: false, error: describe(error) })
    return
  }
  const found = findSentMessage(messages, send.body, send.startedAt)
  recordCheck(conversationId, send.sendId, found ? { found: true } : { found: false })
  if (found) callbacks.onSent?.(found, pendingIdOf(send.sendId))
}
