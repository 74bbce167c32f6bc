/**
 * `npx tsx bench/profile-scroll.ts [rows] [cpu-throttling]`: where the main thread's time goes
 * while scrolling with `rows` conversations loaded, as the functions with the most self time.
 * Builds the app unminified into dist/ first, so the names are readable; `npm run build` (or
 * `npm run bench`) makes the real build again.
 */
import { build } from 'vite'
import { startServer } from '../scripts/start-server'
import { launchBrowser, openPage, setCpuThrottling } from './browser'
import { FIRST_PORT, SERVER_ENV } from './config'
import { loadRows, scrollFromTop } from './inbox-runs'
import { frameStats } from './stats'

const rows = Number(process.argv[2] ?? 50_000)
const throttling = Number(process.argv[3] ?? 4)
const SHOWN = 25

await build({ logLevel: 'warn', build: { minify: false } })
const server = await startServer(FIRST_PORT + 50, { ...SERVER_ENV, EMULATOR_CONVERSATIONS: String(rows) })
const browser = await launchBrowser()
try {
  const { page, cdp } = await openPage(browser)
  const { traffic } = await loadRows(page, server.url, rows)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await setCpuThrottling(cdp, throttling)
  await cdp.send('Profiler.start')
  const run = await scrollFromTop(page)
  const { profile } = await cdp.send('Profiler.stop')

  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfMs = new Map<string, number>()
  const deltas = profile.timeDeltas ?? []
  for (const [index, id] of (profile.samples ?? []).entries()) {
    const frame = byNode.get(id)?.callFrame
    if (!frame) continue
    const file = frame.url.split('/').pop() ?? ''
    const key = `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}`
    selfMs.set(key, (selfMs.get(key) ?? 0) + (deltas[index + 1] ?? 0) / 1000)
  }
  const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0)
  const stats = frameStats(run.frameTimes)
  console.log(`${traffic.conversations.size} rows loaded, ${throttling}x CPU; ${run.frameTimes.length} frames over ${run.distancePx} px:`)
  console.log(`p50 ${stats.p50Ms.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms; ${total.toFixed(0)} ms sampled\n`)
  for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, SHOWN)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`)
  }
} finally {
  await browser.close()
  await server.stop()
}
