import { Hono } from 'hono'
import type { DailyBudget } from '../proxy/daily-budget.ts'

/**
 * `GET /_inbox/budget`: HighLevel's daily budget for the location, as the proxy last read it
 * (`{ known: false }` before the first answer). It is the server's own figure: asking costs
 * HighLevel nothing. Mounted under `/_inbox`, after the Host, secret and app-request checks.
 */
export function createBudgetRoutes(budget: Pick<DailyBudget, 'status'>): Hono {
  const app = new Hono()
  app.get('/', (c) => c.json(budget.status(), 200, { 'cache-control': 'no-store' }))
  return app
}
