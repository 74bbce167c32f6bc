import { test, type Locator, type Page } from '@playwright/test'

/** The grid's conversation rows (not the header, nor the "loading more" row). */
export function conversationRows(page: Page): Locator {
  return page.locator('[role="row"][data-conversation-id]')
}

/**
 * Opens `path` as a link on another site's page would: the server then sends the page without
 * its first rows (it reads HighLevel only for a navigation from here or a typed one), and the app
 * reads page 1 itself. For tests of how the app handles its own read's answers (`page.route`).
 */
export async function openFromAnotherSite(page: Page, path: string): Promise<void> {
  const baseURL = test.info().project.use.baseURL
  if (!baseURL) throw new Error('the tests have no baseURL')
  await page.goto('about:blank')
  await page.setContent(`<a href="${new URL(path, baseURL).href}">open</a>`)
  await page.getByRole('link', { name: 'open' }).click()
  await page.waitForURL(new URL(path, baseURL).href)
}

/**
 * The config a live server with `GHL_APP_URL=appUrl` sends, in `/config.json` and in the config
 * the page carries. Open the pane from the list afterwards (a click), so that it is drawn from
 * this config rather than hydrated over the server's rendering with the emulator's.
 */
export async function serveAppUrl(page: Page, appUrl: string): Promise<void> {
  await page.route('**/config.json', async (route) => {
    const config = (await (await route.fetch()).json()) as Record<string, unknown>
    await route.fulfill({ json: { ...config, appUrl } })
  })
  await page.route(
    (url) => !url.pathname.startsWith('/api/') && !url.pathname.includes('.'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback()
      const response = await route.fetch()
      const html = (await response.text()).replace('"config":{', `"config":{"appUrl":${JSON.stringify(appUrl)},`)
      await route.fulfill({ response, body: html })
    },
  )
}
