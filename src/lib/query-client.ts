import { QueryClient } from '@tanstack/react-query'
import { retryDelay, shouldRetry } from './retry-policy'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // An inbox list can hold hundreds of pages: refetching all of them on every focus
        // would spend the shared rate budget for nothing. Freshness is handled per query.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay,
        // A query that failed stays failed, with its message and Retry, when another part of the
        // page mounts it: a 4xx would fail the same way again, and a 5xx was already retried with
        // backoff. (The first page fails before the first render, which then must not ask again.)
        retryOnMount: false,
      },
    },
  })
}
