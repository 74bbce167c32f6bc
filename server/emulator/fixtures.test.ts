import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readBuiltInFixture } from './fixtures'
import { createTestClient } from './test-client'

const hostilePath = fileURLToPath(new URL('./fixtures/hostile.json', import.meta.url))

describe('fixtures', () => {
  it('serves a fixture file instead of generated data, items exactly as written plus their sort', async () => {
    const client = createTestClient({ fixture: hostilePath })
    const written = readBuiltInFixture('hostile') as Record<string, unknown>[]
    const served = await client.conversations({ limit: 100 })
    expect(served).toHaveLength(written.length)
    for (const item of served) {
      const original = written.find((candidate) => candidate.id === item.id)
      expect(item).toEqual({ ...original, locationId: client.location.id, sort: [original?.lastMessageDate] })
    }
    expect((await client.control('state')).body.dataset).toBe('fixture')
  })

  it('holds the hostile cases: markup, scripts, javascript: links, 100 KB, RTL, controls, zero-width, long words', () => {
    const text = JSON.stringify(readBuiltInFixture('hostile'))
    for (const needle of ['<script>', 'javascript:', 'onerror=', 'محمد', 'דוד', '\\u0000', '\u200b', '\u202e', '👩‍👩‍👧‍👦']) {
      expect(text, needle).toContain(needle)
    }
    const bodies = (readBuiltInFixture('hostile') as { lastMessageBody: string }[]).map((item) => item.lastMessageBody)
    expect(Math.max(...bodies.map((body) => body.length))).toBeGreaterThanOrEqual(100_000)
    expect(bodies.some((body) => /\S{5000}/.test(body))).toBe(true)
  })

  it('filters and sorts malformed items tolerantly, without failing the page', async () => {
    const client = createTestClient({ fixtureData: readBuiltInFixture('malformed') })
    const all = await client.search({ limit: 100 })
    expect(all.status).toBe(200)
    expect(all.body.total).toBe(readBuiltInFixture('malformed').length)
    expect((await client.search({ query: 'valid' })).body.total).toBe(3)
    expect((await client.search({ lastMessageDirection: 'outbound' })).body.total).toBe(1)
    expect((await client.search({ sortBy: 'score_profile', limit: 100 })).status).toBe(200)
  })

  it('explains a missing or malformed fixture file in one line', () => {
    expect(() => createTestClient({ fixture: '/no/such/file.json' })).toThrow(/EMULATOR_FIXTURE \/no\/such\/file.json is not a readable JSON file/)
  })
})
