import { useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { fieldErrorsOf } from '../../api/describe-error'
import type { SearchView } from '../../api/schemas/search-view'
import { conversationQueries } from '../../api/search-conversations'

/**
 * The list's 422 for this view, by the parameter each complaint names. It reads the inbox's own
 * search query (never fetching: `enabled: false`) and re-renders only when its error changes.
 */
export function useSearchFieldErrors(view: SearchView): Partial<Record<string, string>> {
  const { error } = useInfiniteQuery({ ...conversationQueries.search(view), enabled: false, notifyOnChangeProps: ['error'] })
  return useMemo(() => fieldErrorsOf(error), [error])
}
