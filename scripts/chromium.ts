import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

/**
 * How every script and test here launches Chromium: Debian's build where it is installed (CI,
 * and machines where Playwright cannot download its own browser), else Playwright's bundled one.
 */
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: existsSync(systemChromium) ? systemChromium : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}
