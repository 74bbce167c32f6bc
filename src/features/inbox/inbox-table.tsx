import { useInfiniteQuery } from '@tanstack/react-query'
import { useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import type { SearchView } from '../../api/schemas/search-view'
import { conversationQueries } from '../../api/search-conversations'
import { inboxColumns, inboxFeatures } from './columns'

const ROW_HEIGHT = 44
const GRID_COLUMNS = 'minmax(10rem,1.2fr) 8rem minmax(12rem,3fr) 5rem'

export function InboxTable({ view }: { view: SearchView }) {
  const query = useInfiniteQuery(conversationQueries.search(view))
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = query
  const conversations = useMemo(() => data?.pages.flatMap((page) => page.conversations) ?? [], [data])
  const total = data?.pages[0]?.total

  const table = useTable({ features: inboxFeatures, columns: inboxColumns, data: conversations, getRowId: (row) => row.id })
  const rows = table.getRowModel().rows

  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: hasNextPage ? rows.length + 1 : rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (lastIndex >= rows.length - 1 && hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage])

  return (
    <section aria-label="Conversations" className="flex min-h-0 flex-1 flex-col">
      <p className="px-4 py-2 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {query.isPending ? 'Loading…' : query.isError ? 'Could not load conversations.' : `${total ?? 0} conversations`}
      </p>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto" data-testid="inbox-scroll">
        <div role="grid" aria-rowcount={(total ?? rows.length) + 1} className="min-w-[40rem]">
          {table.getHeaderGroups().map((group) => (
            <div
              key={group.id}
              role="row"
              aria-rowindex={1}
              className="sticky top-0 z-10 grid border-b border-slate-200 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900"
              style={{ gridTemplateColumns: GRID_COLUMNS }}
            >
              {group.headers.map((header) => (
                <div key={header.id} role="columnheader" className="px-4 py-2">
                  <table.FlexRender header={header} />
                </div>
              ))}
            </div>
          ))}
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index]
              return (
                <div
                  key={row?.id ?? 'loader'}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="absolute left-0 grid w-full items-center border-b border-slate-100 text-sm dark:border-slate-800"
                  style={{ height: item.size, transform: `translateY(${item.start}px)`, gridTemplateColumns: GRID_COLUMNS }}
                >
                  {row ? (
                    row.getAllCells().map((cell) => (
                      <div key={cell.id} role="gridcell" className="flex min-w-0 px-4">
                        <table.FlexRender cell={cell} />
                      </div>
                    ))
                  ) : (
                    <div role="gridcell" className="px-4 text-slate-400">Loading more…</div>
                  )}
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </section>
  )
}
