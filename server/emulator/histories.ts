import type { ConversationRow } from './model'

/** A message as `GET /conversations/{id}/messages` sends it (`dateAdded` is an ISO string there). */
export interface WireMessage {
  id: string
  type: number
  messageType: string
  body: string
  direction: string
  status: string
  contentType: string
  dateAdded: string
  attachments: string[]
  userId?: string
  source?: string
  /** Calls: `callDuration`, `callStatus`; emails: `email: { messageIds }` (the thread's email ids). */
  meta?: Record<string, unknown>
  conversationId: string
  locationId: string
  contactId: string
}

/** What an email message holds beyond the list's fields (`GET /conversations/messages/email/{id}`). */
export interface EmailDetails {
  id: string
  threadId: string
  subject: string
  from: string
  to: string[]
  cc?: string[]
  bcc?: string[]
  replyToMessageId?: string
}

/** A history entry: the message, and for emails their details. */
export interface StoredMessage {
  message: WireMessage
  email?: EmailDetails
}

export interface HistoryLimits {
  /** Conversations whose histories are kept; the least recently read is dropped (and regenerated on its next read). */
  conversations: number
  /** Messages kept per conversation; the oldest go first. */
  messages: number
}

export const HISTORY_LIMITS: HistoryLimits = { conversations: 2_000, messages: 200 }

export interface FoundEmail {
  row: ConversationRow
  entry: StoredMessage & { email: EmailDetails }
}

/**
 * Message histories, generated on first read and kept with what arrived or was sent since, in
 * bounded memory: a least-recently-used set of conversations, each capped. Message and email ids
 * are indexed while their history is kept, so a reply can find its thread and an email its details.
 */
export class Histories {
  private readonly byRow = new Map<ConversationRow, StoredMessage[]>()
  private readonly rowOfMessage = new Map<string, ConversationRow>()
  private readonly emails = new Map<string, FoundEmail>()

  constructor(
    private readonly generate: (row: ConversationRow) => StoredMessage[],
    private readonly limits: HistoryLimits = HISTORY_LIMITS,
  ) {}

  /** Newest first. */
  of(row: ConversationRow): readonly StoredMessage[] {
    let history = this.byRow.get(row)
    if (history) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.byRow.delete(row)
    } else {
      history = this.generate(row).slice(0, this.limits.messages)
      for (const entry of history) this.index(row, entry)
    }
    this.byRow.set(row, history)
    this.evict()
    return history
  }

  /** A new message on top; the history is generated first if it was not kept, so it has the older ones. */
  prepend(row: ConversationRow, entry: StoredMessage): void {
    const history = this.of(row) as StoredMessage[]
    history.unshift(entry)
    this.index(row, entry)
    while (history.length > this.limits.messages) this.unindex(history.pop())
  }

  /**
   * A new message on top of a kept history only: one not kept is generated on its next read from
   * the (changed) conversation, which then ends with this message anyway (under another id).
   */
  prependIfKept(row: ConversationRow, entry: StoredMessage): void {
    if (this.byRow.has(row)) this.prepend(row, entry)
  }

  /** The conversation a kept message belongs to. */
  conversationOfMessage(messageId: string): ConversationRow | undefined {
    return this.rowOfMessage.get(messageId)
  }

  email(emailId: string): FoundEmail | undefined {
    return this.emails.get(emailId)
  }

  clear(): void {
    this.byRow.clear()
    this.rowOfMessage.clear()
    this.emails.clear()
  }

  private evict(): void {
    for (const [row, history] of this.byRow) {
      if (this.byRow.size <= this.limits.conversations) return
      this.byRow.delete(row)
      for (const entry of history) this.unindex(entry)
    }
  }

  private index(row: ConversationRow, entry: StoredMessage): void {
    this.rowOfMessage.set(entry.message.id, row)
    if (entry.email) this.emails.set(entry.email.id, { row, entry: { ...entry, email: entry.email } })
  }

  private unindex(entry: StoredMessage | undefined): void {
    if (!entry) return
    this.rowOfMessage.delete(entry.message.id)
    if (entry.email) this.emails.delete(entry.email.id)
  }
}
