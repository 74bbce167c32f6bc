import type { AnswerRecords, MemberKind } from './allow-list.ts'

/**
 * Which conversations and contacts are known to belong to the pinned location: seen in an
 * answer the server itself fetched for that location. A write to anything else is first
 * confirmed by a search pinned to the location, or refused: a token that reaches several
 * locations (an agency-level token) must not change another location's data by id.
 */
export interface Membership {
  knows(kind: MemberKind, id: string): boolean
  add(kind: MemberKind, id: string): void
  /** Remembers the ids a successful answer names, when it names the pinned location (or none). */
  record(records: AnswerRecords, body: unknown): void
}

/** Ids remembered per kind; the least recently seen are forgotten first. */
export const MEMBERSHIP_MAX = 20_000

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function createMembership(locationId: string, max = MEMBERSHIP_MAX): Membership {
  const known: Record<MemberKind, Map<string, true>> = { conversation: new Map(), contact: new Map() }

  const add = (kind: MemberKind, id: string): void => {
    const ids = known[kind]
    ids.delete(id)
    ids.set(id, true)
    if (ids.size > max) ids.delete(ids.keys().next().value ?? '')
  }

  /** A conversation object whose `locationId`, when it has one, is the pinned location. */
  const addConversation = (item: unknown, requireLocation: boolean): void => {
    if (!isRecord(item)) return
    const named = item.locationId
    if (named !== undefined ? named !== locationId : requireLocation) return
    if (typeof item.id === 'string') add('conversation', item.id)
    if (typeof item.contactId === 'string') add('contact', item.contactId)
  }

  return {
    knows: (kind, id) => known[kind].has(id),
    add,
    record(records, body) {
      if (!isRecord(body)) return
      // A pinned search only answers for the location; a conversation fetched by id must say so.
      if (records === 'search' && Array.isArray(body.conversations)) {
        for (const item of body.conversations) addConversation(item, false)
      }
      if (records === 'conversation') addConversation(body, true)
    },
  }
}
