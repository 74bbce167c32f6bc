import { createBrowserRouter } from 'react-router'
import { paths } from '../lib/paths'
import { InboxRoute } from './routes/inbox-route'

export const router = createBrowserRouter([
  { path: paths.inbox.pattern, element: <InboxRoute /> },
  { path: paths.conversation.pattern, element: <InboxRoute /> },
])
