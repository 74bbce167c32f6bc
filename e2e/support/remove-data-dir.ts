import { rmSync } from 'node:fs'

/** Playwright's globalTeardown: the webServer's DATA_DIR (see playwright.config.ts) goes with the run. */
export default function removeDataDir(): void {
  const dir = process.env.E2E_DATA_DIR
  if (dir) rmSync(dir, { recursive: true, force: true })
}
