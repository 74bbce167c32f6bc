import { z } from 'zod/mini'
import { SEND_TYPES } from '../../api/schemas/send'
import { readStorage, subscribeToStorage, writeStorage } from '../../lib/local-storage'

/**
 * Reply drafts, one per conversation, in one localStorage key shared by every tab. Each draft
 * carries its send state, so a reload, a crash or a second tab sees a send in flight and never
 * starts another: a send is claimed in storage before the request leaves (see `claimSend`).
 * When storage refuses a write (blocked, full) this tab keeps its drafts in memory and says so.
 */

export const DRAFTS_KEY = 'highlevel-inbox:reply-drafts'
/** How long a send may take before it counts as "may have been sent". */
export const SEND_TIMEOUT_MS = 20_000
/** A send older than this, whose tab is not waiting for it, was lost with its page (reload, crash). */
export const STALE_SEND_MS = SEND_TIMEOUT_MS + 10_000

const sendStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({
    state: z.literal('sending'),
    sendId: z.string(),
    startedAt: z.number(),
    body: z.string(),
    tabId: z.string(),
  }),
  z.object({ state: z.literal('failed'), reason: z.string(), readOnly: z.optional(z.boolean()) }),
  z.object({
    state: z.literal('maybe-sent'),
    sendId: z.string(),
    startedAt: z.number(),
    body: z.string(),
    /** What the last look at the conversation found: nothing yet, or it could not look. */
    checked: z.optional(z.enum(['not-found', 'error'])),
    checkError: z.optional(z.string()),
  }),
])
export type SendState = z.infer<typeof sendStateSchema>

const draftSchema = z.object({
  text: z.string(),
  channel: z.optional(z.enum(SEND_TYPES)),
  /** Only once the person edits it; until then the subject follows the email being answered. */
  subject: z.optional(z.string()),
  updatedAt: z.number(),
  send: sendStateSchema,
})
export type Draft = z.infer<typeof draftSchema>
export type Drafts = Readonly<Record<string, Draft>>

export interface DraftsSnapshot {
  drafts: Drafts
  /** False when drafts cannot be stored (blocked or full storage): they live only in this tab. */
  stored: boolean
}

const IDLE: SendState = { state: 'idle' }

/** The drafts in a stored value; entries that are not valid drafts are skipped. */
export function parseDrafts(raw: string | null | undefined): Drafts {
  if (!raw) return {}
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return {}
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {}
  const drafts: Record<string, Draft> = {}
  for (const [id, value] of Object.entries(json)) {
    const parsed = draftSchema.safeParse(value)
    if (parsed.success) drafts[id] = parsed.data
  }
  return drafts
}

/** The drafts as JSON, while storage refuses them. */
let unstored: string | undefined

function currentRaw(): string | null | undefined {
  return unstored ?? readStorage(DRAFTS_KEY)
}

let cached: { raw: string | null | undefined; unstored: boolean; snapshot: DraftsSnapshot } | undefined

/** The drafts now; the same object while nothing changed (a `useSyncExternalStore` snapshot). */
export function draftsSnapshot(): DraftsSnapshot {
  const raw = currentRaw()
  const isUnstored = unstored !== undefined
  const last = cached
  if (last && last.raw === raw && last.unstored === isUnstored) return last.snapshot
  const snapshot = { drafts: parseDrafts(raw), stored: !isUnstored && raw !== undefined }
  cached = { raw, unstored: isUnstored, snapshot }
  return snapshot
}

// Hear that drafts moved into memory: storage itself did not change then.
const memoryListeners = new Set<() => void>()

export function subscribeToDrafts(listener: () => void): () => void {
  memoryListeners.add(listener)
  const unsubscribe = subscribeToStorage(DRAFTS_KEY, listener)
  return () => {
    memoryListeners.delete(listener)
    unsubscribe()
  }
}

function isEmpty(draft: Draft): boolean {
  return draft.text === '' && draft.subject === undefined && draft.send.state === 'idle'
}

/**
 * Changes one conversation's draft, reading the latest stored drafts first so tabs do not
 * overwrite each other's other drafts. `change` returns undefined to delete the draft.
 */
export function updateDraft(conversationId: string, change: (draft: Draft | undefined) => Draft | undefined): Draft | undefined {
  const { [conversationId]: previous, ...others } = parseDrafts(currentRaw())
  const next = change(previous)
  const drafts: Drafts = next && !isEmpty(next) ? { ...others, [conversationId]: next } : others
  const raw = JSON.stringify(drafts)
  unstored = undefined
  if (!writeStorage(DRAFTS_KEY, raw)) {
    unstored = raw
    for (const listener of memoryListeners) listener()
  }
  return drafts[conversationId]
}

const blank = (): Draft => ({ text: '', updatedAt: Date.now(), send: IDLE })

/** Keeps what the person typed. A failed send's reason stays until they change the text. */
export function saveDraft(conversationId: string, fields: Partial<Pick<Draft, 'text' | 'channel' | 'subject'>>): void {
  updateDraft(conversationId, (draft = blank()) => {
    if (draft.send.state === 'sending') return draft
    const send = draft.send.state === 'failed' && fields.text !== undefined && fields.text !== draft.text ? IDLE : draft.send
    return { ...draft, ...fields, send, updatedAt: Date.now() }
  })
}

export interface SendClaim {
  sendId: string
  startedAt: number
}

export function newSendId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/** This page's id: a send claimed by another id belongs to another tab, or to a page since reloaded. */
export const TAB_ID = newSendId()

/**
 * Claims the one send this draft may have in flight, or undefined when one is already in flight
 * (in this tab or another) or may have gone out: then only `afterMaybeSent`, the person's word
 * that it did not, lets a new one start.
 */
export function claimSend(
  conversationId: string,
  body: string,
  options: { now?: number; tabId?: string; afterMaybeSent?: boolean; sendId?: string } = {},
): SendClaim | undefined {
  const claim = { sendId: options.sendId ?? newSendId(), startedAt: options.now ?? Date.now() }
  const state = draftsSnapshot().drafts[conversationId]?.send.state
  if (state === 'sending' || (state === 'maybe-sent' && !options.afterMaybeSent)) return undefined
  const after = updateDraft(conversationId, (draft = blank()) =>
    draft.send.state === 'sending' || (draft.send.state === 'maybe-sent' && !options.afterMaybeSent)
      ? draft
      : { ...draft, text: body, send: { state: 'sending', body, tabId: options.tabId ?? TAB_ID, ...claim } },
  )
  return after?.send.state === 'sending' && after.send.sendId === claim.sendId ? claim : undefined
}

export type SendOutcome = { kind: 'sent' } | { kind: 'failed'; reason: string; readOnly?: boolean } | { kind: 'maybe-sent' }

/** Records how the send `sendId` ended; a draft that has moved on (another send, cleared) is left alone. */
export function settleSend(conversationId: string, sendId: string, outcome: SendOutcome): void {
  updateDraft(conversationId, (draft) => {
    const send = draft?.send
    if (!draft || !send || !('sendId' in send) || send.sendId !== sendId) return draft
    switch (outcome.kind) {
      case 'sent':
        return undefined
      case 'failed':
        return { ...draft, send: { state: 'failed', reason: outcome.reason, readOnly: outcome.readOnly } }
      case 'maybe-sent':
        return { ...draft, send: { state: 'maybe-sent', sendId, startedAt: send.startedAt, body: send.body } }
    }
  })
}

/** What looking for a send in the conversation found. */
export function recordCheck(conversationId: string, sendId: string, result: { found: true } | { found: false; error?: string }): void {
  if (result.found) return settleSend(conversationId, sendId, { kind: 'sent' })
  updateDraft(conversationId, (draft) =>
    draft?.send.state === 'maybe-sent' && draft.send.sendId === sendId
      ? { ...draft, send: { ...draft.send, checked: result.error ? 'error' : 'not-found', checkError: result.error } }
      : draft,
  )
}

/**
 * A send whose page is gone (reload, crash, closed tab) cannot finish: once it is older than
 * STALE_SEND_MS, or belonged to a page that is no more, it may have been sent.
 */
export function isStaleSend(send: SendState, now: number, inFlight: ReadonlySet<string>): boolean {
  return send.state === 'sending' && !inFlight.has(send.sendId) && (send.tabId === TAB_ID || now - send.startedAt >= STALE_SEND_MS)
}

export function recoverStaleSend(conversationId: string, now: number, inFlight: ReadonlySet<string>): void {
  const send = draftsSnapshot().drafts[conversationId]?.send
  if (send?.state === 'sending' && isStaleSend(send, now, inFlight)) settleSend(conversationId, send.sendId, { kind: 'maybe-sent' })
}

/** The ids of conversations that have a draft (text, or a send to finish). */
export function draftIds(drafts: Drafts): ReadonlySet<string> {
  return new Set(Object.keys(drafts))
}
