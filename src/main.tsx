import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { matchPath } from 'react-router'
import { App, startQueryClient } from './app/app'
import { preloadConversationPane } from './app/routes/conversation-route'
import { paths } from './lib/paths'
import { FIRST_SCREEN_ELEMENT_ID, parseFirstScreen } from './app/first-screen'
import { replayEarlyInput, stopEarlyInput } from './lib/early-input'
import { mirrorStorageToCookie } from './lib/storage-cookie'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// What the server rendered the page with; none from `npm run dev` (plain index.html) or a damaged page.
const firstScreen = root.firstElementChild ? parseFirstScreen(document.getElementById(FIRST_SCREEN_ELEMENT_ID)?.textContent) : undefined
mirrorStorageToCookie()

// The server rendered the pane too: its code is loaded before hydrating, so that it hydrates with
// the rest, over the cache the server rendered it from (rather than later, over a cache that has moved on).
const paneReady = firstScreen && matchPath(paths.conversation.pattern, window.location.pathname) ? preloadConversationPane() : undefined

void Promise.all([startQueryClient(firstScreen), paneReady]).then(([queryClient]) => {
  // What was clicked or typed on the server's HTML is replayed once the app has taken it over.
  const early = stopEarlyInput()
  const app = (
    <StrictMode>
      <App queryClient={queryClient} firstScreen={firstScreen} onStarted={() => replayEarlyInput(early)} />
    </StrictMode>
  )
  if (firstScreen) hydrateRoot(root, app)
  else createRoot(root).render(app)
})
