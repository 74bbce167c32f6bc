/** Every route of the app, in one place. */
export const paths = {
  inbox: {
    pattern: '/',
    href: (search = '') => `/${search}`,
  },
  conversation: {
    pattern: '/conversations/:conversationId',
    href: (conversationId: string, search = '') =>
      `/conversations/${encodeURIComponent(conversationId)}${search}`,
  },
} as const
