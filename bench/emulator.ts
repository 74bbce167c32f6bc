/**
 * `npx tsx bench/emulator.ts`: the emulator's speed over 200,000 conversations — generation,
 * start-up at the default size, one search page per case (median of many runs), and writes
 * (a bulk of 5,000 marks read with a reader's search between them, reassigns, sends), in process.
 */
import { availableParallelism, loadavg } from 'node:os'
import { createEmulator, type Emulator } from '../server/emulator/index'

const SIZE = Number(process.env.BENCH_CONVERSATIONS ?? 200_000)
const RUNS = 200

/** Wall time, and CPU time (all threads), which a busy machine inflates far less. */
function timed<T>(make: () => T): [T, string] {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const value = make()
  const used = process.cpuUsage(cpu)
  return [value, `${(performance.now() - start).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`]
}

async function pageMs(emulator: Emulator, params: Record<string, string>): Promise<{ median: number; p95: number; total: number; items: number }> {
  const [location] = emulator.locations
  if (!location) throw new Error('no location')
  const query = new URLSearchParams({ locationId: location.id, ...params })
  const headers = { authorization: `Bearer ${location.token}`, version: '2021-07-28' }
  const url = `http://emulator.bench/conversations/search?${query}`
  const first = (await (await emulator.fetch(new Request(url, { headers }))).json()) as { total: number; conversations: unknown[] }
  const times: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    const response = await emulator.fetch(new Request(url, { headers }))
    await response.text()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { median: times[RUNS >> 1] ?? 0, p95: times[Math.floor(RUNS * 0.95)] ?? 0, total: first.total, items: first.conversations.length }
}

const [, defaultMs] = timed(() => createEmulator())
const [emulator, generateMs] = timed(() => createEmulator({ conversations: SIZE }))
const users = (await (
  await emulator.fetch(
    new Request(`http://emulator.bench/users/?locationId=${emulator.locations[0]?.id}`, {
      headers: { authorization: `Bearer ${emulator.locations[0]?.token}`, version: '2021-07-28' },
    }),
  )
).json()) as { users: { id: string }[] }
const user = users.users[2]?.id ?? ''
const sample = (await (
  await emulator.fetch(
    new Request(`http://emulator.bench/conversations/search?locationId=${emulator.locations[0]?.id}&limit=1&startAfterDate=${Date.now() - 30 * 86_400_000}`, {
      headers: { authorization: `Bearer ${emulator.locations[0]?.token}`, version: '2021-07-28' },
    }),
  )
).json()) as { conversations: { contactId: string }[] }
const contactId = sample.conversations[0]?.contactId ?? ''

// Figures from a busy machine mean little: say how busy it was.
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}\n`)
console.log(`start-up, default size (5,000 + 1,000):  ${defaultMs}  (modules already loaded)`)
console.log(`generate ${SIZE.toLocaleString('en')} (+ ${Math.ceil(SIZE / 5).toLocaleString('en')}):       ${generateMs}`)
console.log(`\none page (limit 50) over ${SIZE.toLocaleString('en')} conversations, through emulator.fetch, ${RUNS} runs:`)
const cases: [string, Record<string, string>][] = [
  ['last_message_date desc, unfiltered', { limit: '50' }],
  ['last_message_date desc, deep cursor', { limit: '50', startAfterDate: String(Date.now() - 90 * 86_400_000) }],
  ['last_manual_message_date asc, unfiltered', { limit: '50', sortBy: 'last_manual_message_date', sort: 'asc' }],
  ['last_message_date, assignedTo one user', { limit: '50', assignedTo: user }],
  ['last_message_date, unread + inbound + TYPE_EMAIL', { limit: '50', status: 'unread', lastMessageDirection: 'inbound', lastMessageType: 'TYPE_EMAIL' }],
  ['last_message_date, status unread', { limit: '50', status: 'unread' }],
  ['last_message_date, one contactId', { limit: '50', contactId }],
  ['last_message_date, query "gmail"', { limit: '50', query: 'gmail' }],
  ['score_profile desc, unfiltered', { limit: '50', sortBy: 'score_profile' }],
]
for (const [name, params] of cases) {
  const result = await pageMs(emulator, params)
  const figures = `median ${result.median.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms`
  console.log(`  ${name.padEnd(50)} ${figures.padEnd(34)} total ${result.total}, ${result.items} items`)
}
/** Median and p95 of each step's ms. */
function spread(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (share: number) => (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0).toFixed(2)
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms`
}

async function timedEach(count: number, step: (index: number) => Promise<Response>): Promise<number[]> {
  const times: number[] = []
  for (let index = 0; index < count; index++) {
    const start = performance.now()
    const response = await step(index)
    await response.text()
    if (response.status !== 200) throw new Error(`a write answered ${response.status}`)
    times.push(performance.now() - start)
  }
  return times
}

{
  const [location] = emulator.locations
  if (!location) throw new Error('no location')
  const headers = { authorization: `Bearer ${location.token}`, version: '2021-07-28', 'content-type': 'application/json' }
  const write = (method: string, path: string, body: unknown) =>
    emulator.fetch(new Request(`http://emulator.bench${path}`, { method, headers, body: JSON.stringify(body) }))
  const unread = (await (
    await emulator.fetch(new Request(`http://emulator.bench/conversations/search?locationId=${location.id}&status=unread&limit=1`, { headers }))
  ).json()) as { total: number }
  // The ids a bulk job would have snapshotted: 5,000 unread conversations, paged 100 at a time.
  const ids: string[] = []
  let cursor = ''
  while (ids.length < 5000) {
    const url = `http://emulator.bench/conversations/search?locationId=${location.id}&status=unread&limit=100${cursor}`
    const page = (await (await emulator.fetch(new Request(url, { headers }))).json()) as { conversations: { id: string; sort: number[] }[] }
    if (page.conversations.length === 0) break
    ids.push(...page.conversations.map((conversation) => conversation.id))
    cursor = `&startAfterDate=${page.conversations.at(-1)?.sort[0]}`
  }
  const marks = await timedEach(ids.length, (index) => write('PUT', `/conversations/${ids[index]}`, { locationId: location.id, unreadCount: 0 }))
  const interleaved: number[] = []
  const reads: number[] = []
  for (const id of ids.slice(0, 1000)) {
    interleaved.push(...(await timedEach(1, () => write('PUT', `/conversations/${id}`, { locationId: location.id, unreadCount: 1 }))))
    const start = performance.now()
    await (await emulator.fetch(new Request(`http://emulator.bench/conversations/search?locationId=${location.id}&status=unread&limit=50`, { headers }))).text()
    reads.push(performance.now() - start)
  }
  const contacts = [...new Set(ids.slice(0, 1000))]
  const reassigns = await timedEach(contacts.length, (index) =>
    emulator.fetch(new Request(`http://emulator.bench/conversations/${contacts[index]}`, { headers })).then(async (response) => {
      const { contactId } = (await response.json()) as { contactId: string }
      return write('PUT', `/contacts/${contactId}`, { assignedTo: index % 2 === 0 ? user : null })
    }),
  )
  const sends = await timedEach(1000, (index) =>
    emulator.fetch(new Request(`http://emulator.bench/conversations/${ids[index]}`, { headers })).then(async (response) => {
      const { contactId } = (await response.json()) as { contactId: string }
      return write('POST', '/conversations/messages', { type: 'Live_Chat', contactId, message: `Bench reply ${index}` })
    }),
  )
  console.log(`
writes over ${SIZE.toLocaleString('en')} conversations (${unread.total.toLocaleString('en')} unread), indexes built:`)
  console.log(`  ${`${marks.length} × PUT /conversations/{id} (mark read, a bulk)`.padEnd(50)} ${spread(marks)}, ${marks.reduce((a, b) => a + b, 0).toFixed(0)} ms in all`)
  console.log(`  ${'1000 × mark unread, each + search status=unread'.padEnd(50)} write ${spread(interleaved)}; search ${spread(reads)}`)
  console.log(`  ${`${reassigns.length} × GET conversation + PUT /contacts/{id}`.padEnd(50)} ${spread(reassigns)}`)
  console.log(`  ${'1000 × GET conversation + POST /conversations/messages'.padEnd(50)} ${spread(sends)}`)
}
emulator.close()
