/** The emulator's knobs, and how they are read from the environment. */

import { parseRequestsPerWindow, readEnv } from '../env'

export interface RateLimit {
  /** Requests allowed per window (HighLevel's burst budget is 100). */
  max: number
  /** The window, in milliseconds (HighLevel's is 10,000). */
  intervalMs: number
}

export interface EmulatorOptions {
  /** Conversations in the first location, 0–200,000 (default 5,000). */
  conversations?: number
  /** Conversations in the second location (default a fifth of the first's). */
  secondLocationConversations?: number
  /** Seed of all generated data, ids and tokens (default fixed). */
  seed?: number
  /** The start time, epoch ms; generated dates lie before it (default: now, rounded to the minute). */
  now?: number
  latencyMs?: number
  jitterMs?: number
  /** Share of HighLevel-path requests answered with a 5xx, 0–1. */
  failureRate?: number
  /** Off when absent. */
  rateLimit?: RateLimit
  /** Path of a JSON array of conversations served to the first location instead of generated data. */
  fixture?: string
  /** The same, already parsed (for tests and scripts). */
  fixtureData?: readonly unknown[]
  /** Live mode: a new inbound message arrives every this many ms. Off when absent. */
  liveIntervalMs?: number
  /** The first location's bearer token. */
  token?: string
}

export const MAX_CONVERSATIONS = 200_000
export const DEFAULT_CONVERSATIONS = 5_000
export const DEFAULT_SEED = 20210728

/** Rounded so that two starts within a minute produce the same dates. */
export function defaultNow(): number {
  return Math.floor(Date.now() / 60_000) * 60_000
}

export function emulatorOptionsFromEnv(env: Record<string, string | undefined>): EmulatorOptions {
  const options: EmulatorOptions = {}
  const read = (name: string): string | undefined => readEnv(env, name)
  const conversations = read('EMULATOR_CONVERSATIONS')
  if (conversations !== undefined) {
    options.conversations = parseInteger('EMULATOR_CONVERSATIONS', conversations, 0, MAX_CONVERSATIONS)
  }
  const seed = read('EMULATOR_SEED')
  if (seed !== undefined) options.seed = parseInteger('EMULATOR_SEED', seed, 0, 2 ** 32 - 1)
  const now = read('EMULATOR_NOW')
  if (now !== undefined) options.now = parseInstant('EMULATOR_NOW', now)
  const latency = read('EMULATOR_LATENCY_MS')
  if (latency !== undefined) options.latencyMs = parseInteger('EMULATOR_LATENCY_MS', latency, 0, 60_000)
  const jitter = read('EMULATOR_JITTER_MS')
  if (jitter !== undefined) options.jitterMs = parseInteger('EMULATOR_JITTER_MS', jitter, 0, 60_000)
  const failureRate = read('EMULATOR_FAILURE_RATE')
  if (failureRate !== undefined) options.failureRate = parseRate('EMULATOR_FAILURE_RATE', failureRate)
  const rateLimit = read('EMULATOR_RATE_LIMIT')
  if (rateLimit !== undefined) options.rateLimit = parseRateLimit('EMULATOR_RATE_LIMIT', rateLimit)
  const fixture = read('EMULATOR_FIXTURE')
  if (fixture !== undefined) options.fixture = fixture
  const live = read('EMULATOR_LIVE_INTERVAL_MS')
  if (live !== undefined) options.liveIntervalMs = parseInteger('EMULATOR_LIVE_INTERVAL_MS', live, 1, 86_400_000)
  const token = read('EMULATOR_TOKEN')
  if (token !== undefined) options.token = token
  return options
}

export function parseInteger(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^-?\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${text}"`)
  }
  return value
}

export function parseRate(name: string, text: string): number {
  const value = Number(text)
  if (text === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`${name} must be a number from 0 to 1, got "${text}"`)
  }
  return value
}

function parseInstant(name: string, text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : Date.parse(text)
  if (!Number.isFinite(value)) {
    throw new Error(`${name} must be epoch milliseconds or an ISO date, got "${text}"`)
  }
  return value
}

/** `100/10000`: 100 requests per 10,000 ms. */
export function parseRateLimit(name: string, text: string): RateLimit {
  const parsed = parseRequestsPerWindow(text)
  if (!parsed) throw new Error(`${name} must look like 100/10000 (requests per milliseconds), got "${text}"`)
  return { max: parsed.limit, intervalMs: parsed.windowMs }
}
