import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './scripts/chromium'
import { DEMO_SERVER_ENV } from './scripts/start-server'

const port = Number(process.env.E2E_PORT ?? 4181)
const baseURL = `http://127.0.0.1:${port}`
// Set once in the runner, inherited by the workers that load this file again: the webServer's
// bulk jobs live here, and globalTeardown removes it after the run.
process.env.E2E_DATA_DIR ??= join(tmpdir(), `highlevel-inbox-e2e-${process.pid}-${randomBytes(4).toString('hex')}`)

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  globalTeardown: './e2e/support/remove-data-dir.ts',
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // Generous: CI machines are small, and a slow machine must not turn into a red build.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    // `npm run test:e2e` builds first; the server then runs exactly as `npm start` does.
    command: 'npm run serve',
    url: `${baseURL}/config.json`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      ...DEMO_SERVER_ENV,
      DATA_DIR: process.env.E2E_DATA_DIR,
      PORT: String(port),
      EMULATOR_CONVERSATIONS: '3000',
      EMULATOR_SEED: '42',
      EMULATOR_NOW: '2026-11-02T15:00:00.000Z',
      PROXY_RATE_LIMIT: 'off',
    },
  },
})
