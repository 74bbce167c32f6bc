import { queryOptions } from '@tanstack/react-query'
import { getJson } from './http'
import { emailMessageResponseSchema, type EmailMessage } from './schemas/email-message'

/** One email by its email-message id (`GET /conversations/messages/email/{id}`): its subject and thread. */
export function getEmail(emailMessageId: string, signal?: AbortSignal): Promise<EmailMessage> {
  return getJson(`/api/conversations/messages/email/${encodeURIComponent(emailMessageId)}`, emailMessageResponseSchema, {
    signal,
  })
}

export const emailQueries = {
  all: () => ['email-message'] as const,
  byId: (emailMessageId: string) =>
    queryOptions({
      queryKey: [...emailQueries.all(), emailMessageId] as const,
      queryFn: ({ signal }) => getEmail(emailMessageId, signal),
      // An email's subject does not change.
      staleTime: Infinity,
    }),
}
