import { describe, expect, it } from 'vitest'
import { bulkFloorSeconds } from './server-load'

describe('bulkFloorSeconds', () => {
  it("counts the windows the share needs, the last one's calls going out at its start", () => {
    const budget = { limit: 100, windowMs: 10_000, share: 0.6 }
    expect(bulkFloorSeconds(60, budget)).toBe(0)
    expect(bulkFloorSeconds(61, budget)).toBe(10)
    expect(bulkFloorSeconds(1025, budget)).toBe(170)
    expect(bulkFloorSeconds(3, { limit: 1, windowMs: 1000, share: 0.5 })).toBe(2)
  })
})
