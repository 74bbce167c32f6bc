import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startServer, type RunningServer } from '../../scripts/start-server'

/** What the fake answers one request with: a JSON answer, or nothing at all (it hangs). */
export type FakeAnswer = { status?: number; body: unknown; headers?: Record<string, string> } | 'hang'

export const FAKE_LOCATION_ID = 'fakeLocation00000001'

/** A few valid conversations, as HighLevel's search returns them. */
export function fakeConversations(count: number, name = 'Fake contact'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `fakeConversation${String(index).padStart(4, '0')}`,
    contactId: `fakeContact${index}`,
    locationId: FAKE_LOCATION_ID,
    fullName: `${name} ${index + 1}`,
    lastMessageBody: 'Hello',
    lastMessageType: 'TYPE_SMS',
    lastMessageDate: Date.UTC(2026, 10, 2, 12) - index * 60_000,
    dateAdded: Date.UTC(2026, 9, 1),
    sort: [Date.UTC(2026, 10, 2, 12) - index * 60_000],
  }))
}

/** Answers HighLevel's search with the given conversations and its users with none. */
export function answerWith(conversations: Record<string, unknown>[]): (url: URL) => FakeAnswer {
  return (url) =>
    url.pathname.startsWith('/users')
      ? { body: { users: [] } }
      : { body: { conversations, total: conversations.length, traceId: 'fake' } }
}

/**
 * A scripted HighLevel on a real socket, behind a second app server in live mode: for what the
 * emulator cannot do (401, 403, 422, an upstream that never answers or is gone).
 */
export interface FakeHighLevel {
  /** The live app server in front of the fake, e.g. `${app.url}/`. */
  app: RunningServer
  /** Every request the fake received. */
  requests: URL[]
  /** From now on, answer with `script`. */
  script(script: (url: URL) => FakeAnswer): void
  /** Stops the fake (the app server stays): HighLevel is now unreachable. */
  closeUpstream(): Promise<void>
  stop(): Promise<void>
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return (server.address() as AddressInfo).port
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  const port = await listen(probe)
  probe.close()
  await once(probe, 'close')
  return port
}

export async function startFakeHighLevel(timeoutMs = 1000): Promise<FakeHighLevel> {
  const requests: URL[] = []
  let current = answerWith(fakeConversations(3))
  const upstream = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    requests.push(url)
    const answer = current(url)
    if (answer === 'hang') return
    response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
    response.end(JSON.stringify(answer.body))
  })
  const upstreamPort = await listen(upstream)
  let upstreamOpen = true
  const closeUpstream = async () => {
    if (!upstreamOpen) return
    upstreamOpen = false
    upstream.closeAllConnections()
    upstream.close()
    await once(upstream, 'close')
  }
  const app = await startServer(await freePort(), {
    GHL_TOKEN: 'pit-fake-token',
    GHL_LOCATION_ID: FAKE_LOCATION_ID,
    GHL_API_BASE: `http://127.0.0.1:${upstreamPort}`,
    GHL_TIMEOUT_MS: String(timeoutMs),
    PROXY_RATE_LIMIT: 'off',
  })
  return {
    app,
    requests,
    script: (script) => {
      current = script
    },
    closeUpstream,
    stop: async () => {
      await app.stop()
      await closeUpstream()
    },
  }
}
