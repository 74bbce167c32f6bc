import { useTable, type Updater } from '@tanstack/react-table'
import { use, useEffect, useRef, type ReactNode } from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import type { Density } from '../../lib/density'
import { ColumnHeader } from './column-header'
import { ColumnMenu } from './column-menu'
import { useBrowserStore } from '../../lib/use-browser-store'
import { PHONE_QUERY, useMediaQuery } from '../../lib/use-media-query'
import { columnPrefsStore, DEFAULT_COLUMN_PREFS, type ColumnPrefs } from './column-prefs'
import { gridTemplateOf, inboxColumns, inboxFeatures } from './columns'
import { SkeletonBars } from './skeleton'
import { HeaderTickBox, TICK_TRACK, TickingContext } from './tick-boxes'
import type { TickedAction } from './use-row-action-keys'
import { HEADER_HEIGHT, VirtualRows } from './virtual-rows'

const SKELETON_ROWS = 14
/** The track after the columns that holds the Columns menu in the header. */
const MENU_TRACK = '2.5rem'

/** One fixed height per density: the virtualizer never measures rows. */
export const ROW_HEIGHTS: Record<Density, number> = { compact: 40, comfortable: 52 }
/** A screen with no hover (touch): every row shows its action buttons. */
const NO_HOVER_QUERY = '(hover: none)'
/** A phone-width row: a two-line card. */
export const CARD_HEIGHT = 68

interface ConversationGridProps {
  /** The first page is on its way: skeleton rows, never the previous view's rows. */
  loading: boolean
  density: Density
  /** Told when the list reaches or leaves its very top. */
  onAtTopChange: (atTop: boolean) => void
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
  onActOnTicked?: (action: TickedAction) => void
}

function apply<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater
}

/**
 * The table: columns (shown, hidden, resized and remembered), the sticky header and the scroll
 * container. The rows are drawn by `VirtualRows`, so scrolling does not re-run the table.
 */
export function ConversationGrid(props: ConversationGridProps) {
  const { onAtTopChange } = props
  const prefs = useBrowserStore(columnPrefsStore, DEFAULT_COLUMN_PREFS)
  const setPrefs = (change: (old: ColumnPrefs) => ColumnPrefs) => columnPrefsStore.update(change)

  const table = useTable({
    features: inboxFeatures,
    columns: inboxColumns,
    data: props.conversations,
    getRowId: (row) => row.id,
    state: { columnVisibility: prefs.visibility, columnSizing: prefs.sizing },
    onColumnVisibilityChange: (updater) => setPrefs((old) => ({ ...old, visibility: apply(updater, old.visibility) })),
    onColumnSizingChange: (updater) => setPrefs((old) => ({ ...old, sizing: apply(updater, old.sizing) })),
    columnResizeMode: 'onChange',
  })
  const columns = table.getVisibleLeafColumns()
  const ticking = use(TickingContext) !== undefined
  const template = `${ticking ? `${TICK_TRACK} ` : ''}${gridTemplateOf(columns)} ${MENU_TRACK}`
  const phone = useMediaQuery(PHONE_QUERY)
  const noHover = useMediaQuery(NO_HOVER_QUERY)
  const rowHeight = phone ? CARD_HEIGHT : ROW_HEIGHTS[props.density]

  const scrollRef = useRef<HTMLDivElement>(null)
  const atTop = useRef(true)
  const onScroll = () => {
    const top = (scrollRef.current?.scrollTop ?? 0) === 0
    if (top === atTop.current) return
    atTop.current = top
    onAtTopChange(top)
  }
  useEffect(() => onAtTopChange(true), [onAtTopChange])

  return (
    <div
      ref={scrollRef}
      className="min-h-0 flex-1 overflow-auto overscroll-contain bg-white dark:bg-slate-950"
      data-testid="inbox-scroll"
      data-density={props.density}
      onScroll={onScroll}
    >
      <div
        role="grid"
        aria-label="Conversations"
        aria-rowcount={props.total === undefined ? -1 : props.total + 1}
        aria-colcount={columns.length + (ticking ? 2 : 1)}
        aria-busy={props.loading || undefined}
        // Not a tab stop itself: the active row is (roving tabindex).
        tabIndex={-1}
        style={{ minWidth: phone ? undefined : table.getTotalSize() + 40 }}
      >
        {table.getHeaderGroups().map((group) => (
          <div
            key={group.id}
            role="row"
            aria-rowindex={1}
            className="sticky top-0 z-10 grid border-b max-sm:hidden border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400"
            style={{ height: HEADER_HEIGHT, gridTemplateColumns: template }}
          >
            <HeaderTickBox />
            {group.headers.map((header) => (
              <ColumnHeader key={header.id} header={header} />
            ))}
            <ColumnMenu table={table} onReset={() => setPrefs(() => DEFAULT_COLUMN_PREFS)} />
          </div>
        ))}
        {props.loading ? (
          <SkeletonRows count={SKELETON_ROWS} rowHeight={rowHeight} template={template} />
        ) : (
          <VirtualRows
            rows={table.getRowModel().rows}
            scrollRef={scrollRef}
            rowHeight={rowHeight}
            template={template}
            columnCount={columns.length}
            hasMore={props.hasMore}
            prefetchRows={props.prefetchRows}
            onNearEnd={props.onNearEnd}
            loaderRow={props.loaderRow}
            selectedConversationId={props.selectedConversationId}
            onOpenConversation={props.onOpenConversation}
            phone={phone}
            actionsEverywhere={phone || noHover}
            onActOnTicked={props.onActOnTicked}
          />
        )}
      </div>
      {props.footer}
    </div>
  )
}

function SkeletonRows({ count, rowHeight, template }: { count: number; rowHeight: number; template: string }) {
  return (
    <div aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <div
          key={index}
          className="grid items-center border-b border-slate-100 dark:border-slate-800/80"
          style={{ height: rowHeight, gridTemplateColumns: template }}
        >
          <SkeletonBars seed={index} />
        </div>
      ))}
    </div>
  )
}
