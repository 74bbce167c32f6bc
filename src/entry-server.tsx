/**
 * The server's render of the opening view (built by `vite build --ssr` into dist/.server and
 * loaded by server/ssr/render-page.ts): the same components, API module and schemas as the
 * browser's, over a query cache seeded with what the server read.
 */
import { StrictMode } from 'react'
import { prerender } from 'react-dom/static'
import { StaticRouter } from 'react-router'
import { AppTree } from './app/app'
import { preloadConversationPane } from './app/routes/conversation-route'
import { firstPageRequest, seedQueryClient, type FirstScreen } from './app/first-screen'
import { createQueryClient } from './lib/query-client'

export { firstPageRequest }
export type { FirstScreen }

/**
 * The HTML of the app for `url` (path and search). Waits for every lazy part on the way (the
 * conversation pane), so the HTML is whole and needs no inline script to finish it.
 */
export async function renderApp(url: string, firstScreen: FirstScreen, onError?: (error: unknown) => void): Promise<string> {
  const queryClient = createQueryClient()
  // The pane's code before the render: drawn without Suspense boundaries, as the browser hydrates it.
  await preloadConversationPane()
  await seedQueryClient(queryClient, firstScreen, new URL(url, 'http://inbox.invalid').search)
  try {
    const { prelude } = await prerender(
      <StrictMode>
        <AppTree
          queryClient={queryClient}
          firstScreen={firstScreen}
          router={(children) => <StaticRouter location={url}>{children}</StaticRouter>}
        />
      </StrictMode>,
      // A part that fails here is rendered by the browser instead (React marks it so); say which.
      // Never outlined into segments that inline scripts would put in place (the CSP forbids them).
      { onError: (error) => void (onError ?? console.error)(error), progressiveChunkSize: Number.POSITIVE_INFINITY },
    )
    return await new Response(prelude).text()
  } finally {
    queryClient.clear()
  }
}
