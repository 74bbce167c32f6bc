import { useTable } from '@tanstack/react-table'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import { gridTemplateColumns, inboxColumns, inboxFeatures } from './columns'
import { ConversationRow, ROW_HEIGHT } from './conversation-row'
import { SkeletonBars } from './skeleton'

export const HEADER_HEIGHT = 36
/** Rows drawn beyond the viewport on each side: enough for a fast wheel, few enough to stay cheap. */
const OVERSCAN = 6
const SKELETON_ROWS = 14

interface ConversationGridProps {
  /** The first page is on its way: skeleton rows, never the previous view's rows. */
  loading: boolean
  conversations: Conversation[]
  /** All matches (the API's `total`), for aria-rowcount; undefined while unknown. */
  total: number | undefined
  /** Rows still to come: a loader row ends the list and the next page is asked for early. */
  hasMore: boolean
  /** How many rows from the end the next page is asked for. */
  prefetchRows: number
  onNearEnd: () => void
  /** What the loader row says (a retry button when the next page failed). */
  loaderRow: ReactNode
  /** Shown below the last row once the list is complete. */
  footer: ReactNode
  selectedConversationId: string | undefined
  onOpenConversation: ((id: string) => void) | undefined
}

export function ConversationGrid(props: ConversationGridProps) {
  const { conversations, hasMore, prefetchRows, onNearEnd, selectedConversationId, onOpenConversation } = props
  const table = useTable({ features: inboxFeatures, columns: inboxColumns, data: conversations, getRowId: (row) => row.id })
  const rows = table.getRowModel().rows
  const count = rows.length + (hasMore ? 1 : 0)

  const [activeIndex, setActiveIndex] = useState(0)
  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0))
  const focusPending = useRef(false)
  const scrollRef = useRef<HTMLDivElement>(null)

  // The active row stays in the DOM however far it scrolls away, so keyboard focus is never lost.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (active >= range.count || indexes.includes(active)) return indexes
      return [...indexes, active].sort((a, b) => a - b)
    },
    [active],
  )
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? 'loader',
    overscan: OVERSCAN,
    rangeExtractor,
    // Rows start below the sticky header, and must not scroll in under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - prefetchRows) onNearEnd()
  }, [hasMore, lastIndex, rows.length, prefetchRows, onNearEnd])

  useLayoutEffect(() => {
    if (!focusPending.current) return
    focusPending.current = false
    scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${active}"]`)?.focus({ preventScroll: true })
  }, [active])

  /** Clicks and focus are handled once for all rows, which then need no handlers of their own. */
  const rowOf = (target: EventTarget) => {
    const element = target instanceof Element ? target.closest<HTMLElement>('[role="row"][data-index]') : null
    const index = Number(element?.dataset.index)
    const id = element?.dataset.conversationId
    return element && id && Number.isInteger(index) ? { index, id } : undefined
  }
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const row = rowOf(event.target)
    if (!row) return
    setActiveIndex(row.index)
    onOpenConversation?.(row.id)
  }
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = rowOf(event.target)
    if (row) setActiveIndex(row.index)
  }

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, rows.length - 1))
    focusPending.current = true
    setActiveIndex(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  const openActive = () => {
    const id = rows[active]?.id
    if (id) onOpenConversation?.(id)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0 || event.altKey || event.metaKey) return
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + page),
      PageUp: () => moveTo(active - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => openActive(),
      ' ': () => openActive(),
    }
    const move = moves[event.key]
    if (!move || !(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'row') return
    event.preventDefault()
    move()
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto overscroll-contain" data-testid="inbox-scroll">
      <div
        role="grid"
        aria-label="Conversations"
        aria-rowcount={props.total === undefined ? -1 : props.total + 1}
        aria-colcount={inboxColumns.length}
        aria-busy={props.loading || undefined}
        // Not a tab stop itself: the active row is (roving tabindex).
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={onFocus}
        className="min-w-[52rem]"
      >
        {table.getHeaderGroups().map((group) => (
          <div
            key={group.id}
            role="row"
            aria-rowindex={1}
            className="sticky top-0 z-10 grid border-b border-slate-200 bg-slate-50/95 text-xs font-semibold tracking-wide text-slate-500 uppercase backdrop-blur dark:border-slate-800 dark:bg-slate-900/95 dark:text-slate-400"
            style={{ height: HEADER_HEIGHT, gridTemplateColumns }}
          >
            {group.headers.map((header) => (
              <div
                key={header.id}
                role="columnheader"
                className={`flex items-center px-3 ${header.column.columnDef.meta?.align === 'center' ? 'justify-center' : ''}`}
              >
                <table.FlexRender header={header} />
              </div>
            ))}
          </div>
        ))}
        {props.loading ? (
          <SkeletonRows count={SKELETON_ROWS} />
        ) : (
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]
            const top = item.start - HEADER_HEIGHT
            if (!row) {
              return (
                <div
                  key="loader"
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="absolute left-0 grid w-full items-center border-b border-slate-100 dark:border-slate-800/80"
                  style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
                >
                  <div role="gridcell" aria-colspan={inboxColumns.length} className="flex items-center gap-3 px-3">
                    {props.loaderRow}
                  </div>
                </div>
              )
            }
            return (
              <ConversationRow
                key={row.id}
                row={row}
                index={item.index}
                top={top}
                active={item.index === active}
                selected={onOpenConversation ? row.id === selectedConversationId : undefined}
              />
            )
          })}
        </div>
        )}
      </div>
      {props.footer}
    </div>
  )
}

function SkeletonRows({ count }: { count: number }) {
  return (
    <div aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <div
          key={index}
          className="grid items-center border-b border-slate-100 dark:border-slate-800/80"
          style={{ height: ROW_HEIGHT, gridTemplateColumns }}
        >
          <SkeletonBars seed={index} />
        </div>
      ))}
    </div>
  )
}
