import type { Row } from '@tanstack/react-table'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import {
  use,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import type { Conversation } from '../../api/schemas/conversation'
import { useConversationActions } from '../../components/actions/use-conversation-actions'
import { useShortcuts } from '../../lib/use-shortcuts'
import { stepSelection } from '../../view/selection'
import { useListSelection } from '../../view/use-list-selection'
import type { inboxFeatures } from './columns'
import { ConversationRow } from './conversation-row'
import { TickingContext } from './tick-boxes'
import { useRowActionKeys, type TickedAction } from './use-row-action-keys'

export const HEADER_HEIGHT = 36
/**
 * Rows drawn beyond the viewport on each side. A frame paints the new scroll offset over the rows
 * drawn for the last one, so this must cover one frame of scrolling (three rows: 120 px and more);
 * each extra row is style, layout, paint and layerizing on every frame it stays in the DOM.
 */
const OVERSCAN = 3

interface VirtualRowsProps {
  rows: Row<typeof inboxFeatures, Conversation>[]
  scrollRef: RefObject<HTMLDivElement | null>
  rowHeight: number
  /** The grid template of the header, shared by every row. */
  template: string
  columnCount: number
  hasMore: boolean
  prefetchRows: number
  onNearEnd: () => void
  loaderRow: ReactNode
  selectedConversationId: string | undefined
  onOpenConversation: ((id: string) => void) | undefined
  /** Phone width: rows are two-line cards. */
  phone: boolean
  /** No hover to reveal a row's action buttons (a touch screen, or phone width): every row shows them. */
  actionsEverywhere: boolean
  /** `u`/`s`/`a` while rows are ticked: the bulk actions act on those instead of the current row. */
  onActOnTicked: ((action: TickedAction) => void) | undefined
}

/** About a screenful of a laptop's window, taller than most: the rows the server renders. */
const FIRST_SCREEN_RECT = { width: 1280, height: 900 }

/**
 * The rows in view, and the keyboard over them. Only this component re-renders as the list
 * scrolls; per frame it does work for the rows drawn, never for the whole list.
 */
export function VirtualRows(props: VirtualRowsProps) {
  const { rows, scrollRef, rowHeight, hasMore, prefetchRows, onNearEnd, selectedConversationId, onOpenConversation } =
    props
  const count = rows.length + (hasMore ? 1 : 0)
  const { selection, setCurrent } = useListSelection()
  const indexOf = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows])
  // The current row is kept by id, so it stays on its conversation when rows arrive above it;
  // until one is chosen, the first row is the grid's tab stop.
  const current = selection.current
  const active = (current === undefined ? undefined : indexOf.get(current)) ?? 0
  const focusPending = useRef(false)
  const groupRef = useRef<HTMLDivElement>(null)

  // The active row stays in the DOM however far it scrolls away, so keyboard focus is never lost.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (active >= range.count || indexes.includes(active)) return indexes
      return [...indexes, active].sort((a, b) => a - b)
    },
    [active],
  )
  // Stable between renders: a new function makes the virtualizer re-measure every loaded row.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? 'loader', [rows])
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey,
    overscan: OVERSCAN,
    rangeExtractor,
    // Rows start below the sticky header, and must not scroll in under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // Before the list is measured (on the server, and in the browser's first render over the
    // server's HTML) it is taken for a screenful, so that render holds the first rows.
    initialRect: FIRST_SCREEN_RECT,
  })
  // A new density changes every row's height: drop the positions computed for the old one.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight])
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.at(-1)?.index ?? -1
  // Action buttons are drawn where they show: the current row, the one under the pointer, and
  // every row where there is no hover to reveal them (touch screens, phone-width cards).
  const [hovered, setHovered] = useState<string>()

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - prefetchRows) onNearEnd()
  }, [hasMore, lastIndex, rows.length, prefetchRows, onNearEnd])

  const focusRow = (index: number) =>
    groupRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`)?.focus({ preventScroll: true })
  useLayoutEffect(() => {
    if (!focusPending.current) return
    focusPending.current = false
    focusRow(active)
  }, [active, current])

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
    setCurrent(row.id)
    // An action's button acts on the row; it never opens it.
    if (event.target instanceof Element && event.target.closest('[data-conversation-actions]')) return
    onOpenConversation?.(row.id)
  }
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = rowOf(event.target)
    if (row) setCurrent(row.id)
  }
  const onPointerOver = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerType === 'touch') return
    const id = rowOf(event.target)?.id
    if (id !== hovered) setHovered(id)
  }

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, rows.length - 1))
    const id = rows[next]?.id
    if (id === undefined) return
    virtualizer.scrollToIndex(next, { align: 'auto' })
    // The same row again (the first `j` at the top, `k` there): it is drawn already, focus it now.
    if (id === current) focusRow(next)
    else focusPending.current = true
    setCurrent(id)
  }
  const step = (by: 1 | -1) => {
    const id = stepSelection(
      rows.map((row) => row.id),
      current,
      by,
    )
    const index = id === undefined ? undefined : indexOf.get(id)
    if (index !== undefined) moveTo(index)
  }
  // `j`/`k` page-wide, wherever focus is (outside fields and dialogs): the rows' own keys come first.
  const ticking = use(TickingContext)
  const tickActive = (range: boolean) => {
    const id = rows[active]?.id
    if (id && ticking) ticking.api.tick(id, ticking.ids, range)
  }
  useShortcuts({ next: () => step(1), previous: () => step(-1), tick: () => tickActive(false), tickRange: () => tickActive(true) })
  const actions = useConversationActions()
  useRowActionKeys({
    actions,
    subject: () => rows[current === undefined ? -1 : (indexOf.get(current) ?? -1)]?.original ?? openRow(),
    tickedCount: ticking ? (ticking.api.state.allInView ? ticking.ids.length || 1 : ticking.api.state.selection.ticked.size) : 0,
    onActOnTicked: props.onActOnTicked,
  })
  const openRow = () => {
    const index = selectedConversationId === undefined ? undefined : indexOf.get(selectedConversationId)
    return index === undefined ? undefined : rows[index]?.original
  }
  const openActive = () => {
    const id = rows[active]?.id
    if (id) onOpenConversation?.(id)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0 || event.altKey || event.metaKey || event.ctrlKey) return
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / rowHeight) - 1)
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      j: () => moveTo(active + 1),
      k: () => moveTo(active - 1),
      PageDown: () => moveTo(active + page),
      PageUp: () => moveTo(active - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => openActive(),
      ' ': () => openActive(),
      o: () => openActive(),
    }
    const move = moves[event.key]
    if (!move || !(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'row') return
    event.preventDefault()
    move()
  }

  return (
    // Keyboard and clicks reach the focusable rows through their group, once for all rows.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={groupRef}
      role="rowgroup"
      className="relative"
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onFocus={onFocus}
      onPointerOver={onPointerOver}
      onPointerLeave={() => setHovered(undefined)}
    >
      {items.map((item) => {
        const row = rows[item.index]
        const top = item.start - HEADER_HEIGHT
        if (!row) {
          return (
            <div
              key="loader"
              role="row"
              data-placeholder="true"
              aria-rowindex={item.index + 2}
              className="absolute left-0 grid w-full items-center border-b border-slate-100 dark:border-slate-800/80"
              style={{ height: rowHeight, transform: `translateY(${top}px)` }}
            >
              <div role="gridcell" aria-colspan={props.columnCount} className="flex items-center gap-3 px-3">
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
            height={rowHeight}
            template={props.template}
            active={item.index === active}
            selected={onOpenConversation ? row.id === selectedConversationId : undefined}
            actions={actions}
            showActions={item.index === active || row.id === hovered || props.actionsEverywhere}
            phone={props.phone}
          />
        )
      })}
    </div>
  )
}
