import { handleApi } from './api'
import { CONTROL_PREFIX, handleControl } from './control'
import { startLiveTimer } from './live'
import type { EmulatorOptions } from './options'
import { createState, type EmulatorState } from './state'

export { emulatorOptionsFromEnv, type EmulatorOptions, type RateLimit } from './options'

export interface EmulatorLocation {
  id: string
  name: string
  token: string
}

export interface Emulator {
  /** Answers a request on HighLevel's own paths (any origin): /conversations/search, /users/, ... */
  fetch(request: Request): Promise<Response>
  readonly locations: readonly EmulatorLocation[]
  /** Stops live-mode timers. */
  close(): void
}

/** An in-process HighLevel Conversations API (see docs/emulator.md). */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return emulatorOf(createState(options))
}

/** The emulator over a given state: tests read the state directly as their oracle. */
export function emulatorOf(state: EmulatorState): Emulator {
  const options = state.options
  const stopLive = options.liveIntervalMs === undefined ? undefined : startLiveTimer(state, options.liveIntervalMs)
  return {
    fetch(request) {
      const { pathname } = new URL(request.url)
      return pathname.startsWith(CONTROL_PREFIX) ? handleControl(state, request) : handleApi(state, request)
    },
    locations: state.stores.map(({ location }) => ({ id: location.id, name: location.name, token: location.token })),
    close() {
      stopLive?.()
    },
  }
}
