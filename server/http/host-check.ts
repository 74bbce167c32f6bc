import type { MiddlewareHandler } from 'hono'
import { jsonError } from './json-error.ts'

export interface HostCheckOptions {
  /** The host the server binds to, e.g. `127.0.0.1` or `0.0.0.0`. */
  host: string
  port: number
  /** Extra names from `ALLOWED_HOSTS`: `name` (any port) or `name:port`. */
  allowedHosts: readonly string[]
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

function withBrackets(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

/** Splits `name:port` (or `[v6]:port`) without trusting it to be well formed. */
function splitHost(value: string): { name: string; port: string | undefined } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(value.toLowerCase())
  return match ? { name: match[1] ?? '', port: match[2] } : { name: '', port: undefined }
}

/**
 * Answers for which Host values this server exists. A page on another site that re-points
 * its own name at 127.0.0.1 (DNS rebinding) sends its own name as Host, so it is refused here
 * instead of reading the inbox with the token this server holds.
 */
export function createHostMatcher(options: HostCheckOptions): (hostHeader: string) => boolean {
  const exact = new Set<string>()
  const anyPort = new Set<string>()
  const port = String(options.port)
  for (const name of ['localhost', '127.0.0.1', '[::1]']) exact.add(`${name}:${port}`)
  if (!WILDCARD_HOSTS.has(options.host)) exact.add(`${withBrackets(options.host.toLowerCase())}:${port}`)
  for (const entry of options.allowedHosts) {
    const { name, port: entryPort } = splitHost(entry)
    if (entryPort === undefined) anyPort.add(name)
    else exact.add(`${name}:${entryPort}`)
  }
  return (hostHeader) => {
    const value = hostHeader.toLowerCase()
    const { name, port: given } = splitHost(value)
    if (name === '') return false
    if (anyPort.has(name)) return true
    // Browsers leave out the default port, so `name` alone means port 80.
    return exact.has(given === undefined ? `${name}:80` : value)
  }
}

export function hostCheck(options: HostCheckOptions): MiddlewareHandler {
  const isServed = createHostMatcher(options)
  return async (c, next) => {
    // An absolute-form request line (`GET http://other/...`) names a host of its own: check both.
    // Without a Host header (only possible in-process, e.g. `app.fetch` in tests) the URL's is used.
    const urlHost = new URL(c.req.url).host
    const host = c.req.header('host') ?? urlHost
    const refused = [host, urlHost].find((candidate) => !isServed(candidate))
    if (refused !== undefined) {
      return jsonError(403, `This server does not answer for host "${refused}"; add it to ALLOWED_HOSTS if it is yours`)
    }
    await next()
  }
}
