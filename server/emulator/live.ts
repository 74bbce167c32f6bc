import { bodyKindOf, pickInboundType } from './channels'
import { businessAddress, contactAddress, emailEntry, newMessage } from './messages'
import type { ConversationRow } from './model'
import { poolsFor, renderBody, renderSubject } from './pools'
import { deriveSeed } from './random'
import type { EmulatorState } from './state'
import type { LocationStore } from './store'

export interface ArrivalRequest {
  count?: number
  conversationId?: string
}

export interface Arrival {
  id: string
  locationId: string
  lastMessageDate: number
  lastMessageType: string
  lastMessageBody: string
  unreadCount: number
}

export type ArrivalResult = { ok: true; date: number; arrived: Arrival[] } | { ok: false; message: string }

export const MAX_ARRIVALS = 1000

/**
 * New inbound messages arrive now and move their conversations to the top. One call is one
 * burst: every message in it shares one date, strictly after every date seen so far.
 */
export function arrive(state: EmulatorState, request: ArrivalRequest): ArrivalResult {
  const targets = targetsOf(state, request)
  if (!Array.isArray(targets)) return targets
  const date = Math.max(state.clock(), state.latestDate + 1)
  state.latestDate = date
  const pools = poolsFor(deriveSeed(state.seed, 'arrivals'))
  const arrived = targets.map(({ store, row }) => {
    const type = pickInboundType(row.type, state.random)
    const context = { first: row.firstName || 'there', agent: 'there', company: row.companyName || 'your team' }
    const body = renderBody(bodyKindOf(type), true, context, pools, state.random)
    // Before the row changes: a history generated now still ends with the previous last message.
    const message = newMessage(row, state.random, { type, body, inbound: true, date })
    const entry =
      bodyKindOf(type) === 'email'
        ? emailEntry(message, {
            id: state.random.id(),
            threadId: message.id,
            subject: renderSubject(true, context, pools, state.random),
            from: contactAddress(row),
            to: [businessAddress(store.location.name)],
          })
        : { message }
    state.histories.prepend(row, entry)
    store.change(row, {
      lastMessageBody: body,
      lastMessageType: type,
      lastMessageDirection: 'inbound',
      lastMessageDate: date,
      dateUpdated: date,
      unreadCount: row.unreadCount + 1,
    })
    return {
      id: row.id,
      locationId: row.locationId,
      lastMessageDate: date,
      lastMessageType: type,
      lastMessageBody: body,
      unreadCount: row.unreadCount,
    }
  })
  return { ok: true, date, arrived }
}

function targetsOf(
  state: EmulatorState,
  request: ArrivalRequest,
): { store: LocationStore; row: ConversationRow }[] | { ok: false; message: string } {
  if (request.conversationId !== undefined) {
    for (const store of state.stores) {
      const row = store.find(request.conversationId)
      if (row) return [{ store, row }]
    }
    return { ok: false, message: `No conversation ${request.conversationId}` }
  }
  const count = request.count ?? 1
  if (!Number.isInteger(count) || count < 1 || count > MAX_ARRIVALS) {
    return { ok: false, message: `count must be an integer from 1 to ${MAX_ARRIVALS}` }
  }
  const store = state.stores[0]
  if (!store || store.rows.length === 0) return []
  const picked = new Map<number, ConversationRow>()
  const wanted = Math.min(count, store.rows.length)
  while (picked.size < wanted) {
    const row = store.rows[Math.floor(state.random.next() * store.rows.length)] as ConversationRow
    picked.set(row.seq, row)
  }
  return [...picked.values()].map((row) => ({ store, row }))
}

/** Live mode's timer; unref'd so it never keeps a process alive on its own. */
export function startLiveTimer(state: EmulatorState, intervalMs: number): () => void {
  const timer = setInterval(() => arrive(state, { count: 1 }), intervalMs)
  timer.unref?.()
  return () => clearInterval(timer)
}
