import { emulatorOf, type Emulator, type EmulatorLocation } from './index'
import type { EmulatorOptions } from './options'
import { createState, type EmulatorState } from './state'

/** Test support: a small pinned emulator and a client speaking to it like the app server does. */
export const TEST_NOW = Date.parse('2025-06-01T12:00:00.000Z')

export interface TestResponse {
  status: number
  headers: Headers
  // Tests inspect bodies loosely; each assertion states the shape it expects.
  body: Record<string, unknown>
}

export interface TestClient {
  emulator: Emulator
  state: EmulatorState
  location: EmulatorLocation
  other: EmulatorLocation
  get(path: string, headers?: Record<string, string | undefined>): Promise<TestResponse>
  /** A write (`PUT`/`POST`) with a JSON body (a string goes as written), with the app's headers. */
  write(method: 'PUT' | 'POST', path: string, body: unknown, headers?: Record<string, string | undefined>): Promise<TestResponse>
  /** `GET /conversations/search` for the first location, with the app's headers. */
  search(params?: Record<string, string | number>): Promise<TestResponse>
  conversations(params?: Record<string, string | number>): Promise<Record<string, unknown>[]>
  control(path: string, body?: unknown): Promise<TestResponse>
}

export function createTestClient(options: EmulatorOptions = {}): TestClient {
  const state = createState({ now: TEST_NOW, conversations: 1500, ...options })
  const emulator = emulatorOf(state)
  const [location, other] = emulator.locations
  if (!location || !other) throw new Error('the emulator has two locations')
  const send = async (request: Request): Promise<TestResponse> => {
    const response = await emulator.fetch(request)
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> }
  }
  const headersOf = (headers: Record<string, string | undefined>): Record<string, string> => {
    const all: Record<string, string | undefined> = {
      authorization: `Bearer ${location.token}`,
      version: '2021-07-28',
      ...headers,
    }
    return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined))
  }
  const get: TestClient['get'] = (path, headers = {}) => send(new Request(`http://emulator.test${path}`, { headers: headersOf(headers) }))
  const write: TestClient['write'] = (method, path, body, headers = {}) =>
    send(
      new Request(`http://emulator.test${path}`, {
        method,
        headers: headersOf({ 'content-type': 'application/json', ...headers }),
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    )
  const search: TestClient['search'] = (params = {}) => {
    const query = new URLSearchParams({ locationId: location.id })
    for (const [name, value] of Object.entries(params)) query.set(name, String(value))
    return get(`/conversations/search?${query}`)
  }
  return {
    emulator,
    state,
    location,
    other,
    get,
    write,
    search,
    async conversations(params) {
      const response = await search(params)
      if (response.status !== 200) throw new Error(`search answered ${response.status}: ${JSON.stringify(response.body)}`)
      return response.body.conversations as Record<string, unknown>[]
    },
    control: (path, body) =>
      send(
        new Request(`http://emulator.test/_emulator/${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
  }
}
