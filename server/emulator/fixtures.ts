import { readFileSync } from 'node:fs'
import type { ConversationRow, ScoreEntry } from './model'

export const BUILT_IN_FIXTURES = ['hostile', 'malformed'] as const
export type BuiltInFixture = (typeof BUILT_IN_FIXTURES)[number]

export function readBuiltInFixture(name: BuiltInFixture): unknown[] {
  return readFixtureFile(new URL(`./fixtures/${name}.json`, import.meta.url))
}

export function readFixtureFile(path: string | URL): unknown[] {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`EMULATOR_FIXTURE ${String(path)} is not a readable JSON file: ${(error as Error).message}`)
  }
  if (!Array.isArray(data)) throw new Error(`EMULATOR_FIXTURE ${String(path)} must hold a JSON array of conversations`)
  return data
}

/**
 * Reads a fixture item tolerantly: filters and sorts need typed values, but the item itself
 * goes out unchanged (`raw`) but for its locationId, so malformed data reaches the client as written.
 */
export function rowFromFixture(written: unknown, seq: number, locationId: string): ConversationRow {
  // A fixture is served as the location's own data, so a string locationId becomes the location's:
  // the app checks it. Any other value (null, a number) stays, being part of the malformation.
  const item = isRecord(written) && typeof written.locationId === 'string' ? { ...written, locationId } : written
  const fields: Record<string, unknown> = isRecord(item) ? item : {}
  const text = (name: string): string => {
    const value = fields[name]
    return typeof value === 'string' ? value : ''
  }
  const num = (name: string): number | undefined => {
    const value = fields[name]
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined
  }
  const strings = (name: string): string[] => {
    const value = fields[name]
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
  }
  const lastMessageDate = num('lastMessageDate') ?? 0
  const fullName = text('fullName')
  return {
    seq,
    // Rows without an id still need one inside the emulator (for ties and lookups), never sent out.
    id: text('id') || `fixture-${seq}`,
    contactId: text('contactId'),
    locationId: text('locationId') || locationId,
    fullName,
    contactName: text('contactName'),
    firstName: fullName.split(' ')[0] ?? '',
    email: text('email'),
    phone: text('phone'),
    companyName: text('companyName'),
    lastMessageBody: text('lastMessageBody'),
    lastMessageType: text('lastMessageType'),
    type: text('type'),
    unreadCount: num('unreadCount') ?? 0,
    dateAdded: num('dateAdded') ?? lastMessageDate,
    dateUpdated: num('dateUpdated') ?? lastMessageDate,
    lastMessageDate,
    lastManualMessageDate: num('lastManualMessageDate'),
    lastMessageDirection: text('lastMessageDirection'),
    lastOutboundMessageAction: text('lastOutboundMessageAction') || undefined,
    assignedTo: text('assignedTo') || undefined,
    followers: strings('followers'),
    mentions: strings('mentions'),
    tags: strings('tags'),
    starred: fields.starred === true,
    scoring: scoringOf(fields.scoring),
    raw: item,
    changed: false,
    haystack: undefined,
  }
}

function scoringOf(value: unknown): ScoreEntry[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((entry) =>
    isRecord(entry) && typeof entry.profileId === 'string' && typeof entry.score === 'number'
      ? [{ profileId: entry.profileId, score: entry.score }]
      : [],
  )
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
