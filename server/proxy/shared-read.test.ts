import { describe, expect, it } from 'vitest'
import { createSharedRead, type SharedReadOptions } from './shared-read.ts'

const BASE = 'http://127.0.0.1:4173/api'
const PAGE_1 = `${BASE}/conversations/search?limit=50&status=all`
const PAGE_2 = `${BASE}/conversations/search?limit=50&status=all&startAfterDate=1700000000000`
const COUNT = `${BASE}/conversations/search?limit=1&status=unread`

interface Pending {
  request: Request
  answer: (body: unknown, status?: number) => void
}

/** A HighLevel stand-in whose answers the test hands out, one by one. */
function manualUpstream() {
  const pending: Pending[] = []
  const upstream = (request: Request): Promise<Response> =>
    new Promise((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason))
      pending.push({ request, answer: (body, status = 200) => resolve(Response.json(body, { status })) })
    })
  return { pending, upstream }
}

function setup(extra: Partial<SharedReadOptions> = {}) {
  const clock = { now: 1_000_000 }
  const { pending, upstream } = manualUpstream()
  const shared = createSharedRead({ upstream, now: () => clock.now, ...extra })
  return { clock, pending, shared }
}

const page = (rows: Record<string, unknown>[]) => ({ conversations: rows, total: rows.length })
const ROW = { id: 'conv0001', contactId: 'contact01', unreadCount: 3, starred: false, assignedTo: null }

describe('createSharedRead', () => {
  it('sends N identical concurrent reads upstream once and answers each', async () => {
    const { pending, shared } = setup()
    const answers = Array.from({ length: 10 }, () => shared.fetch(new Request(PAGE_2)))
    expect(pending).toHaveLength(1)
    pending[0]?.answer(page([ROW]))
    const bodies = await Promise.all((await Promise.all(answers)).map((response) => response.json()))
    expect(bodies).toEqual(Array.from({ length: 10 }, () => page([ROW])))
    expect(shared.stats).toEqual({ upstreamCalls: 1, shared: 9, cached: 0 })
  })

  it('treats the same parameters in another order as the same read', () => {
    const { pending, shared } = setup()
    void shared.fetch(new Request(`${BASE}/conversations/search?limit=1&status=unread`))
    void shared.fetch(new Request(`${BASE}/conversations/search?status=unread&limit=1`))
    void shared.fetch(new Request(`${BASE}/conversations/search?status=read&limit=1`))
    expect(pending).toHaveLength(2)
  })

  it('sends a read of a page past page 1 again once the first has been answered', async () => {
    const { pending, shared } = setup()
    const first = shared.fetch(new Request(PAGE_2))
    pending[0]?.answer(page([ROW]))
    await first
    void shared.fetch(new Request(PAGE_2))
    expect(pending).toHaveLength(2)
  })

  it('answers page 1 from memory for 10 s, counts for 30 s, then asks again', async () => {
    const { clock, pending, shared } = setup()
    const reads = [shared.fetch(new Request(PAGE_1)), shared.fetch(new Request(COUNT))]
    pending[0]?.answer(page([ROW]))
    pending[1]?.answer({ conversations: [], total: 7 })
    await Promise.all(reads)
    clock.now += 9_999
    expect(await (await shared.fetch(new Request(COUNT))).json()).toEqual({ conversations: [], total: 7 })
    await shared.fetch(new Request(PAGE_1))
    expect(pending).toHaveLength(2)
    clock.now += 1
    void shared.fetch(new Request(PAGE_1))
    expect(pending).toHaveLength(3)
    await shared.fetch(new Request(COUNT))
    expect(pending).toHaveLength(3)
    clock.now += 20_000
    void shared.fetch(new Request(COUNT))
    expect(pending).toHaveLength(4)
  })

  it('does not keep error answers', async () => {
    const { pending, shared } = setup()
    const first = shared.fetch(new Request(PAGE_1))
    pending[0]?.answer({ statusCode: 502, message: 'down' }, 502)
    expect((await first).status).toBe(502)
    void shared.fetch(new Request(PAGE_1))
    expect(pending).toHaveLength(2)
  })

  it('drops what a predicate names from memory and from the reads in flight', async () => {
    const { pending, shared } = setup()
    const users = shared.fetch(new Request(`${BASE}/users/`))
    const search = shared.fetch(new Request(PAGE_1))
    pending[0]?.answer({ users: [] })
    await users
    shared.invalidate((target) => target.path.endsWith('/conversations/search'))
    void shared.fetch(new Request(PAGE_1))
    await shared.fetch(new Request(`${BASE}/users/`))
    expect(pending).toHaveLength(3)
    // The detached read still answers its own waiter, but is not kept.
    pending[1]?.answer(page([ROW]))
    expect((await search).status).toBe(200)
    void shared.fetch(new Request(PAGE_1))
    expect(pending).toHaveLength(3)
  })

  it('lays a recent write over a stale search answer so the change does not undo itself', async () => {
    const { clock, pending, shared } = setup()
    shared.recordWrite({ conversationId: 'conv0001' }, { unreadCount: 0, starred: true })
    shared.recordWrite({ contactId: 'contact01' }, { assignedTo: 'user0001' })
    const read = shared.fetch(new Request(PAGE_1))
    pending[0]?.answer(page([ROW, { ...ROW, id: 'conv0002', contactId: 'contact02' }]))
    expect(await (await read).json()).toEqual(
      page([
        { ...ROW, unreadCount: 0, starred: true, assignedTo: 'user0001' },
        { ...ROW, id: 'conv0002', contactId: 'contact02' },
      ]),
    )
    // The overlay is laid on every delivery, cached answers included, until its window ends.
    clock.now += 9_000
    expect((await (await shared.fetch(new Request(PAGE_1))).json()).conversations[0].unreadCount).toBe(0)
    clock.now += 6_000
    const later = shared.fetch(new Request(PAGE_1))
    pending[1]?.answer(page([ROW]))
    expect(await (await later).json()).toEqual(page([ROW]))
  })

  it('drops cached searches on a write, so the next read asks HighLevel', async () => {
    const { pending, shared } = setup()
    const first = shared.fetch(new Request(COUNT))
    pending[0]?.answer({ conversations: [], total: 7 })
    await first
    shared.recordWrite({ conversationId: 'conv0001' }, { unreadCount: 0 })
    void shared.fetch(new Request(COUNT))
    expect(pending).toHaveLength(2)
  })

  it('aborts the upstream call only when every waiter has left', async () => {
    const { pending, shared } = setup()
    const leaving = [new AbortController(), new AbortController()]
    const reads = leaving.map((controller) => shared.fetch(new Request(PAGE_2, { signal: controller.signal })))
    leaving[0]?.abort()
    expect((await reads[0])?.status).toBe(499)
    expect(pending[0]?.request.signal.aborted).toBe(false)
    leaving[1]?.abort()
    expect((await reads[1])?.status).toBe(499)
    expect(pending[0]?.request.signal.aborted).toBe(true)
    void shared.fetch(new Request(PAGE_2))
    expect(pending).toHaveLength(2)
  })

  it('forgets every kept answer and overlay when the data was replaced', async () => {
    const { pending, shared } = setup()
    shared.recordWrite({ conversationId: 'conv0001' }, { unreadCount: 0 })
    const first = shared.fetch(new Request(PAGE_1))
    pending[0]?.answer(page([ROW]))
    await first
    shared.forget()
    const after = shared.fetch(new Request(PAGE_1))
    expect(pending).toHaveLength(2)
    pending[1]?.answer(page([ROW]))
    expect((await (await after).json()).conversations[0].unreadCount).toBe(3)
  })

  it('serves a kept answer to the other tabs, and HighLevel\'s own to a tab asking again', async () => {
    const { pending, upstream } = manualUpstream()
    const shared = createSharedRead<string>({ upstream, clientOf: (tab) => tab })
    const first = shared.fetch(new Request(PAGE_1), 'tab-a')
    pending[0]?.answer(page([ROW]))
    await first
    await shared.fetch(new Request(PAGE_1), 'tab-b')
    expect(pending).toHaveLength(1)
    void shared.fetch(new Request(PAGE_1), 'tab-a')
    expect(pending).toHaveLength(2)
  })

  it('passes writes straight through', async () => {
    const { pending, shared } = setup()
    const put = () => shared.fetch(new Request(`${BASE}/conversations/conv0001`, { method: 'PUT', body: '{}' }))
    void put()
    void put()
    expect(pending.map((entry) => entry.request.method)).toEqual(['PUT', 'PUT'])
  })
})
