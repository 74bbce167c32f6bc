import { TAGS } from './bodies'
import { INBOUND_SHARE, LAST_MESSAGE_TYPE_WEIGHTS, bodyKindOf, conversationTypeOf, isAutomatedType, isInboundOnlyType, isOutboundOnlyType } from './channels'
import type { ConversationRow, EmulatorUser, LocationData, ScoreEntry, ScoreProfile } from './model'
import { poolsFor, renderBody, type Pools } from './pools'
import { createRandom, deriveSeed, weightedPicker, type Random } from './random'

const DAY = 86_400_000
const pickLastMessageType = weightedPicker(LAST_MESSAGE_TYPE_WEIGHTS)
/** Share of conversations that belong to the previous one's contact (runs of up to three). */
const SECOND_CONVERSATION = 0.12
const MAX_CONVERSATIONS_PER_CONTACT = 3
const CAMPAIGN_TYPES = ['TYPE_CAMPAIGN_SMS', 'TYPE_CAMPAIGN_EMAIL', 'TYPE_CAMPAIGN_VOICEMAIL'] as const

export interface LocationSpec {
  seed: number
  /** Distinguishes the locations' data under one seed. */
  label: string
  conversations: number
  userCount: number
  now: number
  token?: string
}

export function generateLocation(spec: LocationSpec): LocationData {
  const random = createRandom(deriveSeed(spec.seed, spec.label))
  const pools = poolsFor(deriveSeed(spec.seed, `${spec.label}/pools`))
  const id = random.id()
  const name = `${random.pick(pools.companies)} (${random.pick(pools.cities)})`
  const token = spec.token ?? `pit-${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}`
  const users = generateUsers(random, pools, spec.userCount)
  const scoreProfiles: ScoreProfile[] = ['Lead score', 'Engagement', 'Purchase intent'].map((profileName) => ({
    id: random.id(),
    name: profileName,
  }))
  const rows = generateRows(spec, id, random, pools, users, scoreProfiles)
  return { id, name, token, users, scoreProfiles, rows }
}

function hex(random: Random, length: number): string {
  let text = ''
  for (let i = 0; i < length; i++) text += random.int(0, 15).toString(16)
  return text
}

function generateUsers(random: Random, pools: Pools, count: number): EmulatorUser[] {
  return Array.from({ length: count }, (_, index) => {
    const firstName = random.pick(pools.firstNames)
    const lastName = random.pick(pools.lastNames)
    return {
      id: random.id(),
      name: `${firstName} ${lastName}`,
      firstName,
      lastName,
      email: `${firstName}.${lastName}@example.com`.toLowerCase(),
      phone: phoneNumber(random),
      role: index === 0 ? 'admin' : 'user',
      // A deleted user still owns old conversations, as on a real account.
      deleted: count > 4 && index === count - 1,
    }
  })
}

function phoneNumber(random: Random): string {
  return `+1${random.int(201, 989)}${random.int(200, 999)}${String(random.int(0, 9999)).padStart(4, '0')}`
}

/** A message that arrives for many conversations at once (one campaign send): its runs of equal dates. */
interface Burst {
  remaining: number
  date: number
  type: string
}

function generateRows(
  spec: LocationSpec,
  locationId: string,
  random: Random,
  pools: Pools,
  users: EmulatorUser[],
  scoreProfiles: ScoreProfile[],
): ConversationRow[] {
  const rows: ConversationRow[] = new Array<ConversationRow>(spec.conversations)
  const burst: Burst = { remaining: 0, date: 0, type: '' }
  const scoreEntries = scoreProfiles.map(({ id }) => Array.from({ length: 21 }, (_, step) => ({ profileId: id, score: step * 5 })))
  // Busy users get more conversations: the first users are picked more often.
  const assignees = users.flatMap((user, index) => Array<EmulatorUser>(Math.max(1, users.length - index)).fill(user))
  let contactRun = 1
  for (let seq = 0; seq < spec.conversations; seq++) {
    if (burst.remaining === 0 && random.chance(0.008)) {
      burst.remaining = random.int(2, 50)
      burst.date = spec.now - ageMs(random)
      burst.type = random.pick(CAMPAIGN_TYPES)
    }
    const inBurst = burst.remaining > 0
    if (inBurst) burst.remaining--
    const previous = seq > 0 ? rows[seq - 1] : undefined
    // Some contacts have a second or third conversation (on another channel, or an old one).
    const sameContact = previous !== undefined && contactRun < MAX_CONVERSATIONS_PER_CONTACT && random.chance(SECOND_CONVERSATION)
    contactRun = sameContact ? contactRun + 1 : 1
    const lastMessageType = inBurst ? burst.type : pickLastMessageType(random)
    const lastMessageDate = inBurst ? burst.date : spec.now - ageMs(random)
    const inbound = !isOutboundOnlyType(lastMessageType) && (isInboundOnlyType(lastMessageType) || random.chance(INBOUND_SHARE))
    const automatedLast = isAutomatedType(lastMessageType)
    const lastOutboundMessageAction = inbound
      ? random.chance(0.85) ? (random.chance(0.7) ? 'manual' : 'automated') : undefined
      : automatedLast ? 'automated' : 'manual'
    const lastManualMessageDate =
      !inbound && !automatedLast
        ? lastMessageDate
        : lastOutboundMessageAction === 'manual' || random.chance(0.5)
          ? lastMessageDate - random.int(60_000, 30 * DAY)
          : undefined
    // The assignee is the contact's owner: all of a contact's conversations share one.
    const assignee = sameContact ? users.find((user) => user.id === previous.assignedTo) : random.chance(0.25) ? undefined : random.pick(assignees)
    const firstName = sameContact ? previous.firstName : random.pick(pools.firstNames)
    const lastName = sameContact ? previous.fullName.split(' ').slice(1).join(' ') : random.pick(pools.lastNames)
    const hasName = sameContact ? previous.fullName !== '' : random.chance(0.93)
    const companyName = sameContact ? previous.companyName : random.chance(0.35) ? random.pick(pools.companies) : ''
    const email = sameContact ? previous.email : random.chance(0.8) ? emailOf(firstName, lastName, random, pools) : ''
    const phone = sameContact ? previous.phone : random.chance(0.85) ? phoneNumber(random) : ''
    const fullName = hasName ? `${firstName} ${lastName}` : ''
    const agent = assignee ?? random.pick(users)
    const dateAdded = Math.min(lastMessageDate, lastMessageDate - random.int(0, 400) * DAY - random.int(0, DAY))
    rows[seq] = {
      seq,
      id: random.id(),
      contactId: sameContact ? previous.contactId : random.id(),
      locationId,
      fullName,
      contactName: fullName || companyName || email || phone,
      firstName: hasName ? firstName : '',
      email,
      phone,
      companyName,
      lastMessageBody: renderBody(
        bodyKindOf(lastMessageType),
        inbound,
        { first: hasName ? firstName : 'there', agent: agent.firstName, company: companyName || 'our team' },
        pools,
        random,
      ),
      lastMessageType,
      type: random.chance(0.01) ? 'TYPE_GROUP_SMS' : conversationTypeOf(lastMessageType),
      unreadCount: inbound && random.chance(0.6) ? Math.min(random.int(1, 4) * random.int(1, 3), 9) : 0,
      dateAdded,
      // Some were edited later (tags, assignment), never after the start time.
      dateUpdated: Math.min(spec.now, lastMessageDate + (random.chance(0.2) ? random.int(1000, DAY) : 0)),
      lastMessageDate,
      lastManualMessageDate,
      lastMessageDirection: inbound ? 'inbound' : 'outbound',
      lastOutboundMessageAction,
      assignedTo: assignee?.id,
      followers: followersOf(assignee, users, random),
      // An internal comment @-mentions its agent; other conversations had one earlier, sometimes.
      mentions: lastMessageType === 'TYPE_INTERNAL_COMMENT' ? [agent.id] : random.chance(0.1) ? [random.pick(users).id] : NONE,
      tags: random.chance(0.5) ? tagsOf(random) : NONE,
      starred: random.chance(0.08),
      scoring: scoringOf(scoreEntries, random),
      raw: undefined,
      changed: false,
      haystack: undefined,
    }
  }
  return rows
}

/** Skewed towards recent (exponential, mean 30 days, within a year): inboxes are busiest lately. */
function ageMs(random: Random): number {
  const age = -Math.log(1 - random.next()) * 30 * DAY
  return Math.floor(age < 365 * DAY ? age : random.next() * 365 * DAY) + 1000
}

function emailOf(first: string, last: string, random: Random, pools: Pools): string {
  const suffix = random.chance(0.4) ? String(random.int(1, 99)) : ''
  return `${first}.${last}${suffix}@${random.pick(pools.companyDomains)}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '')
}

/** Shared by rows with no values: lists are never mutated in place, and 200,000 empty arrays cost GC time. */
const NONE: string[] = []

function followersOf(assignee: EmulatorUser | undefined, users: EmulatorUser[], random: Random): string[] {
  const extra = random.chance(0.3) ? random.int(1, 2) : 0
  if (extra === 0) return assignee === undefined ? NONE : [assignee.id]
  const followers = new Set<string>()
  if (assignee !== undefined) followers.add(assignee.id)
  for (let i = 0; i < extra; i++) followers.add(random.pick(users).id)
  return [...followers]
}

function tagsOf(random: Random): string[] {
  const tags: string[] = []
  for (let count = random.int(1, 3); count > 0; count--) {
    const tag = random.pick(TAGS)
    if (!tags.includes(tag)) tags.push(tag)
  }
  return tags
}

/**
 * Scores are multiples of 5 and often 0, so many conversations tie on score. Entries are
 * interned (profile × score) so that 200,000 rows do not allocate 600,000 small objects.
 */
function scoringOf(entries: ScoreEntry[][], random: Random): ScoreEntry[] {
  const scoring: ScoreEntry[] = []
  for (const profileEntries of entries) {
    if (random.chance(0.7)) scoring.push(profileEntries[random.chance(0.3) ? 0 : random.int(0, 20)] as ScoreEntry)
  }
  return scoring
}
