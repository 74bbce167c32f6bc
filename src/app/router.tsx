import { createBrowserRouter } from 'react-router'
import { paths } from '../lib/paths'
import { InboxRoute } from './routes/inbox-route'
import { RouteError } from './routes/route-error'

// One layout for both paths, so the inbox (and its view) stays mounted when a conversation opens.
export const router = createBrowserRouter([
  {
    path: paths.inbox.pattern,
    element: <InboxRoute />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: null },
      {
        path: paths.conversation.pattern,
        // The pane is not needed for the first rows: it loads when a conversation is opened.
        lazy: () => import('./routes/conversation-route').then(({ ConversationRoute }) => ({ Component: ConversationRoute })),
      },
    ],
  },
])
