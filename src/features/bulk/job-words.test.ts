import { describe, expect, it } from 'vitest'
import type { Estimate, JobView } from '../../api/schemas/bulk-job'
import { actionName, confirmation, progressText, reportText } from './job-words'

const job = (fields: Partial<JobView>): JobView => ({
  id: 'job-1',
  action: { kind: 'markRead' },
  target: { type: 'view', view: { status: 'unread' } },
  createdAt: 0,
  state: 'running',
  total: 300,
  changed: 100,
  skipped: 17,
  failed: 3,
  remaining: 180,
  requests: 110,
  rate: 6.04,
  etaSeconds: 30,
  ...fields,
})

const estimate = (fields: Partial<Estimate>): Estimate => ({
  conversations: 1234,
  requests: { snapshot: 13, lookups: 0, writes: 1234, total: 1247 },
  dailyBudget: { requests: 200_000, source: 'limit', reserve: 10_000 },
  dailyShare: 1247 / 200_000,
  maxDailyShare: 0.1,
  allowed: true,
  alsoMoves: null,
  minSeconds: 205,
  ...fields,
})

describe('progressText', () => {
  it('says done, failed, remaining, rate and time left', () => {
    expect(progressText(job({}))).toBe('120 of 300 done · 3 failed · 180 remaining · 6 a second · about 30 s left')
  })
  it('leaves out a rate and a time it does not know yet', () => {
    expect(progressText(job({ rate: null, etaSeconds: null, changed: 0, skipped: 0, failed: 0, remaining: 300 }))).toBe(
      '0 of 300 done · 0 failed · 300 remaining',
    )
  })
  it('counts what the snapshot listed while it pages', () => {
    expect(progressText(job({ state: 'snapshotting', total: 200 }))).toBe('Listing the view: 200 conversations so far')
  })
})

describe('reportText', () => {
  it('reports how many changed, already were and failed', () => {
    expect(reportText(job({ state: 'completed', changed: 280, skipped: 17, failed: 3, remaining: 0 }))).toBe(
      'Done: 280 conversations marked read, 17 already were, 3 failed',
    )
  })
  it('says what a cancel left undone', () => {
    expect(reportText(job({ state: 'cancelled', action: { kind: 'star' }, changed: 1, skipped: 0, failed: 0, remaining: 9 }))).toBe(
      'Cancelled: 1 conversation starred, 9 not done',
    )
  })
})

describe('confirmation', () => {
  it('states conversations, HighLevel requests and the share of the daily budget', () => {
    const words = confirmation('Mark as read', estimate({}), true)
    expect(words.title).toBe('Mark as read: 1,234 conversations?')
    expect(words.lines[0]).toBe('Mark as read: every one of the 1,234 conversations in this view.')
    expect(words.lines[1]).toBe("It costs up to 1,247 HighLevel requests, 0.6% of the location's daily budget (200,000 a day).")
    expect(words.lines[2]).toBe('It takes at least 3 min, paced so the inbox stays quick.')
    expect(words.refusal).toBeUndefined()
  })
  it('measures against what is left today when HighLevel said so', () => {
    const words = confirmation('Star', estimate({ dailyBudget: { requests: 50_000, source: 'remaining', reserve: 10_000 }, dailyShare: 0.025 }), false)
    expect(words.lines[1]).toContain('2.5% of the location\'s daily budget (50,000 left today)')
  })
  it('counts the conversations that move with their contact', () => {
    const words = confirmation('Assign to Jeanne', estimate({ conversations: 3, alsoMoves: 2, minSeconds: 0 }), false)
    expect(words.lines).toContain('Assigning moves a contact with all its conversations: 2 other conversations outside the selection move too.')
  })
  it('says "at least" when only the loaded rows were counted, and warns of a whole view\'s contacts without a number', () => {
    const loaded = confirmation('Assign to Jeanne', estimate({ conversations: 3, alsoMoves: 1, alsoMovesCounted: 'loaded', minSeconds: 0 }), false)
    expect(loaded.lines).toContain('Assigning moves a contact with all its conversations: at least 1 other conversation outside the selection moves too.')
    const view = confirmation('Assign to Jeanne', estimate({ conversations: 300, alsoMovesCounted: 'none', minSeconds: 0 }), true)
    expect(view.lines).toContain('Assigning moves each contact with all its conversations, also any outside this view.')
    const exact = confirmation('Assign to Jeanne', estimate({ conversations: 3, alsoMoves: 0, alsoMovesCounted: 'all', minSeconds: 0 }), false)
    expect(exact.lines.some((line) => line.includes('moves'))).toBe(false)
  })
  it("gives the server's reason for a refusal", () => {
    const refusal = 'It would cost 30000 HighLevel requests, more than 10 % of the 200000 the location has a day'
    const words = confirmation('Mark as read', estimate({ allowed: false, refusal, dailyShare: 0.15 }), true)
    expect(words.title).toBe('This job is too large to start')
    expect(words.refusal).toBe(refusal)
  })
  it('words a refusal over the share with the app\'s own numbers', () => {
    const words = confirmation('Star', estimate({ allowed: false, refusedBy: 'share', dailyBudget: { requests: 12_000, source: 'remaining', reserve: 10_000 } }), false)
    expect(words.refusal).toBe('It would cost up to 1,247 HighLevel requests, more than 10% of the 12,000 the location has left today. Select fewer conversations.')
  })
  it('explains a job that would reach into the requests kept for people, and bulk work paused', () => {
    const into = estimate({ allowed: false, refusedBy: 'reserve', dailyBudget: { requests: 11_000, source: 'remaining', reserve: 10_000 } })
    expect(confirmation('Star', into, false).refusal).toBe(
      'It would cost up to 1,247 HighLevel requests, but only 1,000 of the 11,000 left today may go to bulk jobs (the last 10,000 are kept for people). Select fewer conversations.',
    )
    const paused = estimate({ allowed: false, refusedBy: 'reserve', dailyBudget: { requests: 8200, source: 'remaining', reserve: 10_000 } })
    expect(confirmation('Star', paused, false).refusal).toBe(
      "HighLevel's daily budget is nearly spent: 8,200 requests are left today, and the last 10,000 are kept for people. Bulk jobs can start again once it renews.",
    )
  })
})

describe('actionName', () => {
  it('names the assignee', () => {
    const names = (id: string) => (id === 'u1' ? 'Jeanne' : id)
    expect(actionName({ kind: 'assign', assignTo: 'u1' }, names)).toBe('Assign to Jeanne')
    expect(actionName({ kind: 'assign', assignTo: null }, names)).toBe('Assign to Unassigned')
    expect(actionName({ kind: 'unstar' }, names)).toBe('Unstar')
  })
})
