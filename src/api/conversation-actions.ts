import type { QueryClient } from '@tanstack/react-query'
import { assignContact } from './assign-contact'
import { contactConversationQueries } from './contact-conversations'
import { findConversation, patchConversation, restoreConversation, type ConversationPatch, type ConversationSnapshot } from './conversation-cache'
import { describeError, type ErrorDescription } from './describe-error'
import { conversationKeys } from './query-keys'
import type { Conversation } from './schemas/conversation'
import { updateConversation } from './update-conversation'

/**
 * The actions a person takes on a conversation, defined once for the row, the pane, the keys and
 * bulk: their names, words, the scope each needs, and the write each makes.
 */
export type ConversationAction = 'markRead' | 'markUnread' | 'star' | 'unstar' | 'assign'

export interface ActionDefinition {
  /** The button's accessible name. */
  label: string
  /** What the status says once done: "Marked as read". */
  done: string
  /** What failed, in an error: "mark the conversation as read". */
  failed: string
  /** The token scope the write needs. */
  scope: 'conversations.write' | 'contacts.write'
  /** The key that toggles it (lib/shortcut-list.ts). */
  key: 'u' | 's' | 'a'
}

export const CONVERSATION_ACTIONS: Readonly<Record<ConversationAction, ActionDefinition>> = {
  markRead: { label: 'Mark as read', done: 'Marked as read', failed: 'mark the conversation as read', scope: 'conversations.write', key: 'u' },
  markUnread: { label: 'Mark as unread', done: 'Marked as unread', failed: 'mark the conversation as unread', scope: 'conversations.write', key: 'u' },
  star: { label: 'Star', done: 'Starred', failed: 'star the conversation', scope: 'conversations.write', key: 's' },
  unstar: { label: 'Unstar', done: 'Unstarred', failed: 'unstar the conversation', scope: 'conversations.write', key: 's' },
  assign: { label: 'Assign', done: 'Assigned', failed: 'assign the conversation', scope: 'contacts.write', key: 'a' },
}

/** What an action needs of a conversation: a search row and `GET /conversations/{id}` both have it. */
export type ActionSubject = Pick<Conversation, 'id' | 'contactId' | 'unreadCount' | 'starred' | 'assignedTo'> &
  Partial<Pick<Conversation, 'fullName' | 'contactName' | 'email' | 'phone'>>

export const isUnread = (conversation: Pick<Conversation, 'unreadCount'>) => (conversation.unreadCount ?? 0) > 0

/** The read toggle as it applies now: "Mark as read" on an unread conversation. */
export const readToggle = (conversation: Pick<Conversation, 'unreadCount'>): ConversationAction =>
  isUnread(conversation) ? 'markRead' : 'markUnread'

export const starToggle = (conversation: Pick<Conversation, 'starred'>): ConversationAction =>
  conversation.starred ? 'unstar' : 'star'

/** One write, in HighLevel's terms: a conversation's own fields, or its contact's assignee. */
export type ConversationWrite =
  | { kind: 'conversation'; id: string; fields: { unreadCount?: number; starred?: boolean } }
  | { kind: 'contact'; contactId: string; assignedTo: string | null }

/** The write an action makes on a conversation ("mark unread" sets `unreadCount` to 1). */
export function writeOf(action: ConversationAction, conversation: ActionSubject, assignTo: string | null = null): ConversationWrite {
  const id = conversation.id
  switch (action) {
    case 'markRead':
      return { kind: 'conversation', id, fields: { unreadCount: 0 } }
    case 'markUnread':
      return { kind: 'conversation', id, fields: { unreadCount: 1 } }
    case 'star':
      return { kind: 'conversation', id, fields: { starred: true } }
    case 'unstar':
      return { kind: 'conversation', id, fields: { starred: false } }
    case 'assign':
      return { kind: 'contact', contactId: conversation.contactId, assignedTo: assignTo }
  }
}

/** The write that puts back exactly what `write` changes: an unread count of 5 comes back as 5. */
export function inverseOf(write: ConversationWrite, conversation: ActionSubject): ConversationWrite {
  if (write.kind === 'contact') return { ...write, assignedTo: conversation.assignedTo || null }
  const fields: { unreadCount?: number; starred?: boolean } = {}
  if (write.fields.unreadCount !== undefined) fields.unreadCount = conversation.unreadCount ?? 0
  if (write.fields.starred !== undefined) fields.starred = conversation.starred ?? false
  return { kind: 'conversation', id: write.id, fields }
}

/** A write that failed: what failed and why, in words for people. */
export class ActionFailedError extends Error {
  readonly description: ErrorDescription
  constructor(description: ErrorDescription, cause: unknown) {
    super(`${description.title}: ${description.detail}`, { cause })
    this.name = 'ActionFailedError'
    this.description = description
  }
}

type PatchListener = (id: string, patch: ConversationPatch) => void
const listeners = new Set<PatchListener>()

/**
 * Told of every change the mutation layer draws (and every revert), by conversation id: a list
 * keeps the rows acted on where they are, even when a refetch no longer returns them.
 */
export function subscribeToActionPatches(listener: PatchListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The conversations a write changes: for an assignment, every known one of the contact. */
function idsChangedBy(queryClient: QueryClient, write: ConversationWrite, conversationId: string): string[] {
  if (write.kind === 'conversation') return [write.id]
  const ofContact = queryClient.getQueryData(contactConversationQueries.list(write.contactId).queryKey)
  return [...new Set([conversationId, ...(ofContact?.conversations.map((conversation) => conversation.id) ?? [])])]
}

function patchOf(write: ConversationWrite): ConversationPatch {
  return write.kind === 'conversation' ? { ...write.fields } : { assignedTo: write.assignedTo }
}

/** Writes to one conversation or contact go out one after another, never overtaking each other. */
const queues = new Map<string, Promise<unknown>>()

function inTurn<T>(key: string, send: () => Promise<T>): Promise<T> {
  const result = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(send)
  const settled = result.catch(() => undefined)
  queues.set(key, settled)
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return result
}

function send(write: ConversationWrite, locationId: string): Promise<unknown> {
  return write.kind === 'conversation'
    ? inTurn(`conversation:${write.id}`, () => updateConversation(write.id, locationId, write.fields))
    : inTurn(`contact:${write.contactId}`, () => assignContact(write.contactId, write.assignedTo))
}

export interface ApplyOptions {
  /** The conversation acted on (for an assignment, the contact's other conversations change too). */
  conversationId: string
  locationId: string
  /** What failed, for the error: "mark the conversation as read". */
  failed: string
  scope: ActionDefinition['scope']
}

/**
 * Draws `write` at once in every cached copy and count, sends it once, and on failure puts back
 * what was there and throws an `ActionFailedError`. A successful write is drawn again, so a poll
 * that read the old values while it was on its way does not bring them back.
 */
export async function applyWrite(queryClient: QueryClient, write: ConversationWrite, options: ApplyOptions): Promise<void> {
  // A head poll under way would land the values from before the write over it.
  await queryClient.cancelQueries({ queryKey: [...conversationKeys.lists(), 'head'] })
  const patch = patchOf(write)
  const ids = idsChangedBy(queryClient, write, options.conversationId)
  const snapshots: ConversationSnapshot[] = ids.map((id) => patchConversation(queryClient, id, patch))
  for (const id of ids) notify(id, patch)
  try {
    await send(write, options.locationId)
  } catch (error) {
    for (const snapshot of snapshots.toReversed()) {
      restoreConversation(queryClient, snapshot)
      const previous = snapshot.copies[0]?.previous
      if (previous) notify(snapshot.id, fieldsOf(previous, patch))
    }
    throw new ActionFailedError(describeError(error, { action: options.failed, scope: options.scope }), error)
  }
  for (const id of ids) patchConversation(queryClient, id, patch)
}

function notify(id: string, patch: ConversationPatch) {
  for (const listener of listeners) listener(id, patch)
}

/** The fields of `patch`, as `conversation` had them. */
function fieldsOf(conversation: object, patch: ConversationPatch): ConversationPatch {
  const had = conversation as Partial<Record<string, unknown>>
  return Object.fromEntries(Object.keys(patch).map((field) => [field, had[field] ?? null])) as ConversationPatch
}

/** What Undo needs of an action that went through: the write that puts the previous values back. */
export interface DoneAction {
  action: ConversationAction
  conversationId: string
  undo: ConversationWrite
}

/**
 * Runs one action on one conversation (the row, the pane, a key): `assignTo` is the new assignee
 * for `assign` (`null` unassigns). Resolves with what Undo needs; rejects with an `ActionFailedError`.
 */
export async function runConversationAction(
  queryClient: QueryClient,
  conversation: ActionSubject,
  action: ConversationAction,
  { locationId, assignTo = null }: { locationId: string; assignTo?: string | null },
): Promise<DoneAction> {
  const current = findConversation(queryClient, conversation.id) ?? conversation
  const write = writeOf(action, current, assignTo)
  const undo = inverseOf(write, current)
  const { failed, scope } = CONVERSATION_ACTIONS[action]
  await applyWrite(queryClient, write, { conversationId: current.id, locationId, failed, scope })
  return { action, conversationId: current.id, undo }
}

/** Undo was asked for, but the previous values cannot be written back. */
export class UndoImpossibleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UndoImpossibleError'
  }
}

/**
 * Puts back the exact values an action replaced. A previous assignee who is no longer an active
 * user of the location (`activeUserIds`) cannot be assigned again: that rejects with an
 * `UndoImpossibleError` before anything is sent.
 */
export async function undoConversationAction(
  queryClient: QueryClient,
  done: DoneAction,
  {
    locationId,
    activeUserIds,
    userName = (id) => id,
  }: {
    locationId: string
    /** The location's active users; undefined when unknown (HighLevel then decides). */
    activeUserIds: ReadonlySet<string> | undefined
    userName?: (id: string) => string
  },
): Promise<void> {
  const { undo } = done
  if (undo.kind === 'contact' && undo.assignedTo !== null && activeUserIds && !activeUserIds.has(undo.assignedTo)) {
    throw new UndoImpossibleError(
      `Cannot undo: the previous assignee (${userName(undo.assignedTo)}) is no longer an active user of this location.`,
    )
  }
  const { scope, label } = CONVERSATION_ACTIONS[done.action]
  await applyWrite(queryClient, undo, {
    conversationId: done.conversationId,
    locationId,
    failed: `undo "${label}"`,
    scope,
  })
}
