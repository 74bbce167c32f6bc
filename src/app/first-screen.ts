import type { QueryClient } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { configQueries } from '../api/get-config'
import { ApiError } from '../api/http'
import { conversationKeys } from '../api/query-keys'
import { apiErrorBodySchema } from '../api/schemas/api-error'
import { appConfigSchema, type AppConfig } from '../api/schemas/config'
import { searchResponseSchema } from '../api/schemas/conversation'
import { conversationQueries, toSearchPage } from '../api/search-conversations'
import { firstPageParam, requestOf } from '../api/search-paging'
import { toApiParams } from '../api/search-params'
import { shouldRetry } from '../lib/retry-policy'
import { parseView } from '../view/view-url'

/**
 * What the server knew when it rendered the page, carried in it (`<script type="application/json"
 * id="first-screen">`) so that the browser's first render is the server's: the same cache, clock
 * and stored preferences (see docs/server.md, "The first screen").
 */
export interface FirstScreen {
  /** The server's clock when it rendered: the relative times of the rows. */
  now: number
  /** The page's origin as the server saw it. */
  origin: string
  /** The stored strings the server rendered with (mirrored to it in a cookie), by localStorage key. */
  storage: Record<string, string>
  config: AppConfig
  /** HighLevel's answer to the view's first page, as the proxy gave it; absent when the server did not wait for one. */
  firstPage?: { status: number; body: unknown } | undefined
}

export { FIRST_SCREEN_ELEMENT_ID } from './first-screen-id'

const firstScreenSchema = z.object({
  now: z.number().check(z.refine(Number.isFinite)),
  origin: z.string(),
  storage: z.record(z.string(), z.string()),
  config: appConfigSchema,
  firstPage: z.optional(z.object({ status: z.number().check(z.int()), body: z.unknown() })),
})

/**
 * The page's first-screen JSON, checked: `undefined` when it is missing, cut short or not what
 * the server writes (a damaged or hand-made page), so the app renders on its own instead of
 * hydrating over something it cannot trust.
 */
export function parseFirstScreen(text: string | null | undefined): FirstScreen | undefined {
  if (!text) return undefined
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = firstScreenSchema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

/** The `/api` read of the view's first page for a URL's search: exactly the one the inbox makes. */
export function firstPageRequest(search: string): string {
  const { view } = parseView(new URLSearchParams(search))
  const param = firstPageParam(view)
  return `/api/conversations/search?${toApiParams(requestOf(view, param), param.cursor).toString()}`
}

/**
 * Puts what the server read into the query cache, as if the app had read it: the config, and
 * the first page of the URL's view (or its error, shown as any failed read is, when the app
 * would not retry it). Run on the
 * server before rendering and in the browser before hydrating, so both render the same.
 */
export async function seedQueryClient(queryClient: QueryClient, firstScreen: FirstScreen, search: string): Promise<void> {
  queryClient.setQueryData(configQueries.config().queryKey, firstScreen.config)
  const answer = firstScreen.firstPage
  if (!answer) return
  const { view } = parseView(new URLSearchParams(search))
  const options = conversationQueries.search(view)
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = searchResponseSchema.safeParse(answer.body)
    if (!parsed.success) return
    const page = toSearchPage(parsed.data, view.sortBy)
    queryClient.setQueryData(options.queryKey, { pages: [page], pageParams: [firstPageParam(view)] }, { updatedAt: firstScreen.now })
    queryClient.setQueryData(conversationKeys.head(view), page, { updatedAt: firstScreen.now })
    return
  }
  const body = apiErrorBodySchema.safeParse(answer.body)
  const error = new ApiError(answer.status, body.success ? body.data : undefined, new Headers())
  // One the app would retry (a 5xx, a 429) is left to it: it asks again, with its countdown.
  if (shouldRetry(0, error)) return
  // Failed as the app's own read would have: the list shows its error and Retry (which asks HighLevel again).
  await queryClient.prefetchInfiniteQuery({ ...options, queryFn: () => Promise.reject(error), retry: false })
}
