import { readBuiltInFixture, readFixtureFile, rowFromFixture, type BuiltInFixture } from './fixtures'
import { generateLocation } from './generate'
import { Histories } from './histories'
import { generateHistory } from './messages'
import { DEFAULT_CONVERSATIONS, DEFAULT_SEED, defaultNow, type EmulatorOptions, type RateLimit } from './options'
import { createRandom, deriveSeed, type Random } from './random'
import { RateLimiter } from './rate-limit'
import type { Scope } from './scopes'
import { LocationStore } from './store'

/** What can change at runtime through `POST /_emulator/knobs`. */
export interface Knobs {
  latencyMs: number
  jitterMs: number
  failureRate: number
  rateLimit: RateLimit | undefined
  /** Each location's daily remaining after the knobs were set (undefined: a full day, 200,000). */
  dailyRemaining: number | undefined
  /** Scopes the tokens lack: every route needing one answers HighLevel's 401 (none at start). */
  missingScopes: readonly Scope[]
}

export type Dataset = 'generated' | 'fixture' | BuiltInFixture

export interface EmulatorState {
  readonly options: EmulatorOptions
  readonly seed: number
  /** The start time generated dates are relative to. */
  readonly startedAt: number
  readonly startKnobs: Knobs
  knobs: Knobs
  readonly stores: readonly LocationStore[]
  dataset: Dataset
  readonly rateLimiter: RateLimiter
  /** Decides failures and jitter; seeded so a run with failures can be replayed. */
  readonly random: Random
  /** Message histories, bounded (see `Histories`). */
  readonly histories: Histories
  /** The latest message date anywhere: arrivals and sends always land after it, at the top. */
  latestDate: number
  /** A pinned start time freezes the clock, so tests and demos see the same dates every run. */
  clock(): number
}

export function createState(options: EmulatorOptions): EmulatorState {
  const seed = options.seed ?? DEFAULT_SEED
  const pinned = options.now !== undefined
  const startedAt = options.now ?? defaultNow()
  const conversations = options.conversations ?? DEFAULT_CONVERSATIONS
  const second = options.secondLocationConversations ?? Math.ceil(conversations / 5)
  const fixture = options.fixtureData ?? (options.fixture === undefined ? undefined : readFixtureFile(options.fixture))
  const first = generateLocation({
    seed,
    label: 'location-1',
    // With a fixture, only the location itself (id, token, users) is generated.
    conversations: fixture === undefined ? conversations : 0,
    userCount: 12,
    now: startedAt,
    token: options.token,
  })
  const other = generateLocation({ seed, label: 'location-2', conversations: second, userCount: 5, now: startedAt })
  const stores = [new LocationStore(first), new LocationStore(other)]
  let dataset: Dataset = 'generated'
  if (fixture !== undefined) {
    stores[0]?.replaceRows(fixture.map((item, seq) => rowFromFixture(item, seq, first.id)))
    dataset = 'fixture'
  }
  const startKnobs: Knobs = {
    latencyMs: options.latencyMs ?? 0,
    jitterMs: options.jitterMs ?? 0,
    failureRate: options.failureRate ?? 0,
    rateLimit: options.rateLimit,
    dailyRemaining: undefined,
    missingScopes: [],
  }
  const state: EmulatorState = {
    options,
    seed,
    startedAt,
    startKnobs,
    knobs: { ...startKnobs },
    stores,
    dataset,
    rateLimiter: new RateLimiter(startKnobs.rateLimit),
    random: createRandom(deriveSeed(seed, 'requests')),
    latestDate: latestDateOf(stores, startedAt),
    clock: () => (pinned ? startedAt : Date.now()),
    histories: new Histories((row) => generateHistory(state, row)),
  }
  return state
}

/** The largest epoch ms a JavaScript Date can hold. */
const MAX_DATE = 8.64e15

function latestDateOf(stores: readonly LocationStore[], floor: number): number {
  let latest = floor
  for (const store of stores) {
    for (const row of store.rows) {
      // A fixture's impossible date (the malformed one has 1e20) must not become the clock.
      if (row.lastMessageDate > latest && row.lastMessageDate <= MAX_DATE) latest = row.lastMessageDate
    }
  }
  return latest
}

/** Switches the first location's data (`POST /_emulator/dataset`). */
export function switchDataset(state: EmulatorState, dataset: 'generated' | BuiltInFixture): void {
  const store = state.stores[0]
  if (!store) return
  if (dataset === 'generated') {
    const fresh = generateLocation({
      seed: state.seed,
      label: 'location-1',
      conversations: state.options.conversations ?? DEFAULT_CONVERSATIONS,
      userCount: 12,
      now: state.startedAt,
      token: state.options.token,
    })
    store.replaceRows(fresh.rows)
  } else {
    store.replaceRows(readBuiltInFixture(dataset).map((item, seq) => rowFromFixture(item, seq, store.location.id)))
  }
  state.dataset = dataset
  state.histories.clear()
  // Arrivals continue from the new data's own latest date, not from what the old data reached.
  state.latestDate = latestDateOf(state.stores, state.startedAt)
}
