import { test as base } from '@playwright/test'
import { startServer, type RunningServer } from '../../scripts/start-server'
import { freePort } from './fake-highlevel'

/**
 * A test whose file gets a server of its own (started once per worker, on a free port, stopped
 * after it) with the emulator's data on `conversations` conversations: for specs whose writes
 * or jobs must not change the data the shared server's specs read. `baseURL` points at it.
 */
export function withOwnServer(conversations: number, env: Record<string, string> = {}) {
  return base.extend<{ server: RunningServer }, { ownServer: RunningServer }>({
    ownServer: [
      // Playwright reads a fixture's dependencies from this pattern: none.
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const server = await startServer(await freePort(), {
          EMULATOR_CONVERSATIONS: String(conversations),
          EMULATOR_SEED: '42',
          EMULATOR_NOW: '2026-11-02T15:00:00.000Z',
          PROXY_RATE_LIMIT: 'off',
          ...env,
        })
        await use(server)
        await server.stop()
      },
      { scope: 'worker' },
    ],
    server: async ({ ownServer }, use) => use(ownServer),
    baseURL: async ({ ownServer }, use) => use(ownServer.url),
  })
}
