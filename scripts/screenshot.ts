/**
 * `npm run screenshot`: the README's picture, made from the real app on the built-in emulator,
 * so it never goes stale. Run after `npm run build` (the npm script does both).
 */
import { chromium, type Browser } from '@playwright/test'
import { chromiumLaunchOptions } from './chromium'
import { startServer } from './start-server'

const output = 'docs/screenshot.png'
// Not 4190: fetch refuses it (ManageSieve is on the Fetch standard's list of bad ports).
const server = await startServer(4192, { EMULATOR_SEED: '7' })
try {
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    await shoot(browser)
  } finally {
    await browser.close()
  }
} finally {
  await server.stop()
}

async function shoot(browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: 'light' })
  await page.goto(`${server.url}/?status=unread`)
  await page.getByRole('gridcell').first().waitFor()
  await page.screenshot({ path: output })
  console.log(`wrote ${output}`)
}
