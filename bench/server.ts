/**
 * `npx tsx bench/server.ts`: the server's figures alone (bulk job, idle tabs), without the
 * browser runs of `npm run bench`, which prints them too. About four to six minutes.
 */
import { benchBulk, benchIdleTabs, formatServerFigures } from './server-load'

console.error('bench: bulk job of a whole view, then idle tabs')
const bulk = await benchBulk()
const idle = await benchIdleTabs()
console.log(formatServerFigures(bulk, idle))
