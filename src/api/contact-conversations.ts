import { queryOptions } from '@tanstack/react-query'
import { conversationKeys } from './query-keys'
import { DEFAULT_VIEW } from './schemas/search-view'
import { searchConversations } from './search-conversations'

/** HighLevel lets a contact own a handful of conversations; one page of 100 holds them all. */
const CONTACT_LIMIT = 100

/**
 * Every conversation of one contact (a search pinned to `contactId`): who else an assignment
 * moves. Kept under the lists' key, so the mutation layer patches it like any list.
 */
export const contactConversationQueries = {
  list: (contactId: string) =>
    queryOptions({
      queryKey: [...conversationKeys.lists(), 'contact', contactId] as const,
      queryFn: ({ signal }) => searchConversations({ ...DEFAULT_VIEW, contactId, limit: CONTACT_LIMIT }, null, signal),
      staleTime: 30_000,
    }),
}
