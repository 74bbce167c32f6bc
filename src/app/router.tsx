import { Route, Routes } from 'react-router'
import { paths } from '../lib/paths'
import { ConversationRoute } from './routes/conversation-route'
import { InboxRoute } from './routes/inbox-route'
import { RouteError } from './routes/route-error'

/**
 * The app's routes, in declarative mode: the app loads no data through the router (React Query
 * does), so the data router's machinery would be weight without use. One layout for both paths,
 * so the inbox (and its view) stays mounted when a conversation opens.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path={paths.inbox.pattern} element={<InboxRoute />}>
        <Route index element={null} />
        <Route path={paths.conversation.pattern} element={<ConversationRoute />} />
      </Route>
      <Route path="*" element={<RouteError kind="not-found" />} />
    </Routes>
  )
}
