import { useMemo } from 'react'
import type { SearchView } from '../api/schemas/search-view'
import { useUserDirectory } from '../lib/use-user-directory'
import { viewChips, viewTitle, type ViewChip } from './view-chips'

/** The view's active filters as chips, and the page title they make. */
export function useViewChips(view: SearchView): { chips: ViewChip[]; title: string } {
  const { userName } = useUserDirectory()
  return useMemo(() => {
    const chips = viewChips(view, { userName })
    return { chips, title: viewTitle(chips) }
  }, [view, userName])
}
