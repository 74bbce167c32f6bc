import type { Locator, Page } from '@playwright/test'

/** The grid's conversation rows (not the header, nor the "loading more" row). */
export function conversationRows(page: Page): Locator {
  return page.locator('[role="row"][data-conversation-id]')
}
