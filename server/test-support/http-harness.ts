import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { createServer, type ServerOptions } from '../create-server.ts'
import { applyNodeLimits, type NodeLimits } from '../http/node-limits.ts'

export type FakeHandler = (request: IncomingMessage, response: ServerResponse) => void

/** Listens on a free port of 127.0.0.1 and reports its origin. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** A stand-in for HighLevel on a real socket, so compression and disconnects are real too. */
export async function startFakeHighLevel(handler: FakeHandler): Promise<{ server: Server; origin: string }> {
  const server = createHttpServer(handler)
  return { server, origin: await listen(server) }
}

/** An origin nothing listens on: a port that was free a moment ago. */
export async function unreachableOrigin(): Promise<string> {
  const server = createHttpServer()
  const origin = await listen(server)
  await close(server)
  return origin
}

/** The inbox server on a real socket, in front of whatever `options.upstream` is. */
export async function startInboxServer(
  options: ServerOptions,
  limits: Partial<NodeLimits> = {},
): Promise<{ server: Server; origin: string }> {
  const app = createServer(options)
  // Checked often, so a test of the time limits need not wait Node's default 30 s.
  const server = createAdaptorServer({ fetch: app.fetch, serverOptions: { connectionsCheckingInterval: 50 } }) as Server
  applyNodeLimits(server, limits)
  return { server, origin: await listen(server) }
}

export interface RawAnswer {
  status: number
  headers: IncomingMessage['headers']
  body: string
}

/** A request with full control of the request line and Host header, which `fetch` forbids. */
export function rawRequest(origin: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ hostname, port, path, headers }, (incoming) => {
      let body = ''
      incoming.setEncoding('utf8')
      incoming.on('data', (chunk: string) => (body += chunk))
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}
