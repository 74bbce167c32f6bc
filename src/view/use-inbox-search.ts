import { useCallback, useEffect, useMemo } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { z } from 'zod/mini'
import type { SearchView } from '../api/schemas/search-view'
import { parseView, toUrlSearch, type ViewIssue } from './view-url'

/** The history entry's state after a bad URL was rewritten: what was ignored, for the notice. */
const rewriteStateSchema = z.object({
  ignored: z.array(z.object({ param: z.string(), value: z.string(), message: z.string() })),
})

export interface InboxSearch {
  /** The view the URL describes; the same object for as long as the URL's search is the same. */
  view: SearchView
  /** The canonical search string of the view (`?…` or `''`): what links and saved views hold. */
  search: string
  /** A deliberate change pushes a history entry; typing passes `replace`. */
  setView: (patch: Partial<SearchView>, options?: { replace?: boolean }) => void
  /** Back to the plain inbox, as one history entry. */
  resetView: () => void
  /** What the URL held that could not be used, until dismissed. */
  ignored: ViewIssue[]
  dismissIgnored: () => void
}

/** The inbox view, read from and written to the URL — its only store. */
export function useInboxSearch(): InboxSearch {
  const location = useLocation()
  const navigate = useNavigate()
  const { view, issues } = useMemo(() => parseView(new URLSearchParams(location.search)), [location.search])
  const search = useMemo(() => toUrlSearch(view), [view])

  // A hand-edited or stale URL is rewritten to what is shown, and the person told what was dropped.
  useEffect(() => {
    if (search === location.search) return
    const state = issues.length > 0 ? { ignored: issues } : location.state
    void navigate({ pathname: location.pathname, search, hash: location.hash }, { replace: true, state })
  }, [search, issues, location, navigate])

  const setView = useCallback(
    (patch: Partial<SearchView>, options: { replace?: boolean } = {}) => {
      const next = toUrlSearch({ ...view, ...patch })
      if (next === search) return
      void navigate({ pathname: location.pathname, search: next }, { replace: options.replace ?? false })
    },
    [view, search, location.pathname, navigate],
  )

  const resetView = useCallback(() => {
    if (search !== '') void navigate({ pathname: location.pathname, search: '' })
  }, [search, location.pathname, navigate])

  const rewriteState = rewriteStateSchema.safeParse(location.state)
  const ignored = rewriteState.success ? rewriteState.data.ignored : []
  const dismissIgnored = useCallback(() => {
    void navigate(location, { replace: true, state: null })
  }, [location, navigate])

  return { view, search, setView, resetView, ignored, dismissIgnored }
}
