import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '/work/wt-filters/scripts/chromium.ts'
const browser = await chromium.launch(chromiumLaunchOptions)
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
page.on('console', (m) => console.log('console:', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror:', e.message))
const url = process.argv[2] ?? '/'
await page.goto('http://127.0.0.1:4182' + url)
await page.waitForTimeout(1500)
console.log('URL', page.url(), 'TITLE', await page.title())
await page.screenshot({ path: process.argv[3] ?? '/tmp/filters-shots/a.png' })
if (process.argv[4] === 'dark') { await page.evaluate(() => document.documentElement.classList.add('dark')); await page.screenshot({ path: '/tmp/filters-shots/dark.png' }) }
if (process.argv[4] === 'full') { await page.setViewportSize({ width: 1400, height: 1700 }); await page.screenshot({ path: '/tmp/filters-shots/full.png' }) }
if (process.argv[4] === 'narrow') { await page.setViewportSize({ width: 420, height: 800 }); await page.screenshot({ path: '/tmp/filters-shots/narrow.png' }); await page.getByRole('button', { name: /Filters/ }).click(); await page.screenshot({ path: '/tmp/filters-shots/narrow-open.png' }) }
await browser.close()
