import { createDailyBudget, type DailyBudget } from './daily-budget.ts'
import { createProxy, type CompletedWrite, type Forward, type Upstream } from './forward.ts'
import { createMembership, type Membership } from './membership.ts'
import { createPacer, type Pacer } from './pacer.ts'
import type { UpstreamTarget } from './upstream-request.ts'

export interface GatewayOptions extends UpstreamTarget {
  upstream: Upstream
  /** Undefined turns pacing off. */
  rateLimit: { limit: number; windowMs: number } | undefined
  queueMax: number
  timeoutMs: number
  readOnly: boolean
  /** Told about every write HighLevel accepted, whoever sent it (a tab or a bulk job). */
  onWrite?: ((write: CompletedWrite) => void) | undefined
}

/**
 * The one way to HighLevel, shared by the browser's `/api/*` and the server's own work
 * (`/_inbox/*` bulk jobs, live polling): one pacer, one membership map, one set of checks, and
 * one reading of HighLevel's daily budget.
 */
export interface Gateway {
  /** Checks and forwards one call (see `createProxy`); the same for every caller. */
  forward: Forward
  /** Undefined when pacing is off. */
  pacer: Pacer | undefined
  /** Read from every answer, paced or not. */
  dailyBudget: DailyBudget
  membership: Membership
  readOnly: boolean
}

export function createGateway(options: GatewayOptions): Gateway {
  const dailyBudget = createDailyBudget()
  const pacer = options.rateLimit && createPacer({ ...options.rateLimit, queueMax: options.queueMax, daily: dailyBudget })
  const membership = createMembership(options.locationId)
  const forward = createProxy({
    upstream: options.upstream,
    apiBase: options.apiBase,
    apiVersion: options.apiVersion,
    token: options.token,
    locationId: options.locationId,
    timeoutMs: options.timeoutMs,
    pacer,
    dailyBudget,
    holdFallbackMs: options.rateLimit?.windowMs ?? 0,
    readOnly: options.readOnly,
    membership,
    onWrite: options.onWrite,
  })
  return { forward, pacer, dailyBudget, membership, readOnly: options.readOnly }
}
