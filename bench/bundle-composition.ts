/**
 * `npx tsx bench/bundle-composition.ts`: what the JavaScript of a first visit is made of, by
 * package, to see where the bytes `npm run bench` reports come from. Builds in memory (dist/ is
 * left alone) and reads each module's size after tree-shaking from the bundler's output.
 */
import { gzipSync } from 'node:zlib'
import { build, type Rolldown } from 'vite'

type Chunk = Rolldown.OutputChunk

/** `react-dom`, `@tanstack/react-query`, or `src/features/inbox` for the app's own code. */
function ownerOf(moduleId: string): string {
  const path = moduleId.replace(/^\0/, '')
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (packageMatch?.[1]) return packageMatch[1]
  const source = /\/(src\/(?:features\/[^/]+|[^/]+))/.exec(path)
  return source?.[1] ?? path
}

/** The entry chunk and every chunk it imports statically: what a first visit downloads. */
function firstVisitChunks(chunks: Chunk[]): Chunk[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const loaded = new Set<Chunk>()
  const visit = (chunk: Chunk | undefined) => {
    if (!chunk || loaded.has(chunk)) return
    loaded.add(chunk)
    for (const name of chunk.imports) visit(byName.get(name))
  }
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk)
  return [...loaded]
}

const output = await build({ logLevel: 'silent', build: { write: false } })
const chunks = (Array.isArray(output) ? output : [output])
  .flatMap((result) => ('output' in result ? result.output : []))
  .filter((item): item is Chunk => item.type === 'chunk')
const firstVisit = firstVisitChunks(chunks)

const bytesByOwner = new Map<string, number>()
for (const chunk of firstVisit) {
  for (const [id, info] of Object.entries(chunk.modules)) {
    bytesByOwner.set(ownerOf(id), (bytesByOwner.get(ownerOf(id)) ?? 0) + info.renderedLength)
  }
}
const rendered = [...bytesByOwner.values()].reduce((sum, bytes) => sum + bytes, 0)
const gzip = firstVisit.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0)

console.log(`first visit: ${firstVisit.map((chunk) => chunk.fileName).join(', ')}; ${(gzip / 1000).toFixed(1)} kB gzip`)
console.log(`lazy chunks: ${chunks.length - firstVisit.length}\n`)
console.log('share  ~kB gzip  owner (module sizes after tree-shaking, before minifying)')
for (const [owner, bytes] of [...bytesByOwner].sort((a, b) => b[1] - a[1])) {
  const share = bytes / rendered
  if (share < 0.005) continue
  console.log(`${(share * 100).toFixed(1).padStart(4)} %  ${((share * gzip) / 1000).toFixed(1).padStart(7)}  ${owner}`)
}
