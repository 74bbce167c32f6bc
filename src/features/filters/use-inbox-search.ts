import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import type { SearchView } from '../../api/schemas/search-view'
import { parseView, toUrlParams } from './view-url'

/** The inbox view, read from and written to the URL — its only store. */
export function useInboxSearch() {
  const [searchParams, setSearchParams] = useSearchParams()
  const view = useMemo(() => parseView(searchParams), [searchParams])

  const setView = useCallback(
    (patch: Partial<SearchView>, options: { replace?: boolean } = {}) => {
      setSearchParams(toUrlParams({ ...view, ...patch }), { replace: options.replace ?? false })
    },
    [view, setSearchParams],
  )

  return { view, setView }
}
