import { useQuery } from '@tanstack/react-query'
import { use } from 'react'
import { userQueries } from '../../api/list-users'
import type { Conversation } from '../../api/schemas/conversation'
import { iconMask, ICONS } from '../../components/ui/icon'
import { WaitingBadge } from '../../components/ui/waiting-badge'
import { conversationChannel, DIRECTIONS_SHOWN, MESSAGE_ACTIONS_SHOWN } from '../../lib/labels'
import { messagePreview } from './message-preview'
import { relativeTime } from './relative-time'
import { ResponseTargetContext } from './response-target'
import { RowMarkBadges } from './row-marks'
import { useNow } from '../../lib/use-now'
import { contactName } from '../../lib/contact-name'

const AVATAR_COLOURS = [
  'bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200',
  'bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-200',
  'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-200',
  'bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-200',
  'bg-teal-100 text-teal-800 dark:bg-teal-900/60 dark:text-teal-200',
]

function initialsOf(label: string): string {
  const letters = label
    .split(/[\s@.+_-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
  return letters.join('').toUpperCase() || '?'
}

function colourOf(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0
  return AVATAR_COLOURS[Math.abs(hash) % AVATAR_COLOURS.length] ?? ''
}

/** A known value's entry of a label table; undefined for a value HighLevel added later, or none. */
function shownValue<K extends string, V>(table: Record<K, V>, value: string | null | undefined): V | undefined {
  return value && Object.hasOwn(table, value) ? table[value as K] : undefined
}

interface CellProps {
  conversation: Conversation
  /**
   * Drawn as a part of a phone-width card (itself one grid cell) instead of as a column's cell;
   * its box then takes these classes.
   */
  inCard?: string
}

/**
 * A cell's box. A column's cell is the grid cell itself, not a wrapper around the content's own
 * box: rows are redrawn as they scroll in, and each element of theirs is styled, laid out and
 * painted (see docs/performance.md, "Lighter rows").
 */
function cellBox(inCard: string | undefined, className: string): { role?: 'gridcell'; className: string } {
  return inCard === undefined ? { role: 'gridcell', className: `min-w-0 px-3 ${className}` } : { className: `${inCard} ${className}` }
}

export function NameCell({ conversation, inCard }: CellProps) {
  const label = contactName(conversation)
  const unread = (conversation.unreadCount ?? 0) > 0
  return (
    <div {...cellBox(inCard, 'flex items-center gap-2.5')}>
      {/* Initials drawn by CSS: decoration, kept out of the cell's text. */}
      <span
        aria-hidden="true"
        data-initials={initialsOf(label)}
        className={`grid size-7 shrink-0 place-items-center rounded-full text-[0.7rem] font-semibold before:content-[attr(data-initials)] ${colourOf(conversation.contactId || conversation.id)}`}
      />
      <span dir="auto" className={`min-w-0 clip-text ${unread ? 'font-semibold' : 'font-medium'}`}>
        {label}
      </span>
      <RowMarkBadges conversationId={conversation.id} />
    </div>
  )
}

/**
 * Its icon is the box's `::before`, in the line with the label, so the one box clips both;
 * centred on the line as a flex item would be, whatever the font.
 */
export function ChannelCell({ conversation, inCard }: CellProps) {
  const channel = conversationChannel(conversation)
  return (
    <div
      {...cellBox(
        inCard,
        'clip-text text-slate-600 dark:text-slate-300 before:icon-mask before:mr-1.5 before:inline-block before:size-4 before:align-top before:mt-[calc((1lh_-_1rem)/2)]',
      )}
      style={iconMask(channel.icon)}
    >
      {channel.label}
    </div>
  )
}

function MessageTime({ time }: { time: number }) {
  const now = useNow()
  const text = relativeTime(time, now)
  return (
    <time
      dateTime={new Date(time).toISOString()}
      title={text.exact}
      className="shrink-0 text-xs tabular-nums text-slate-600 dark:text-slate-400"
    >
      <span aria-hidden="true">{text.short}</span>
      <span className="sr-only">{text.spoken}</span>
    </time>
  )
}

const DIRECTION_COLOURS = {
  inbound: 'before:text-sky-600 dark:before:text-sky-400',
  outbound: 'before:text-slate-400 dark:before:text-slate-500',
}

/** The direction's icon is the box's `::before` (first in the line); its spoken word stays in the text. */
export function LastMessageCell({ conversation, inCard }: CellProps) {
  const preview = messagePreview(conversation)
  const direction = shownValue(DIRECTIONS_SHOWN, conversation.lastMessageDirection)
  const outbound = conversation.lastMessageDirection === 'outbound'
  const action = outbound ? shownValue(MESSAGE_ACTIONS_SHOWN, conversation.lastOutboundMessageAction) : undefined
  const time = conversation.lastMessageDate
  const directionIcon = direction
    ? `before:icon-mask before:size-3.5 before:shrink-0 ${DIRECTION_COLOURS[outbound ? 'outbound' : 'inbound']}`
    : ''
  return (
    <div {...cellBox(inCard, `flex items-center gap-2 ${directionIcon}`)} style={direction && iconMask(direction.icon)}>
      {direction && <span className="sr-only">{direction.spoken}</span>}
      {action && (
        <span
          className="inline-flex shrink-0 items-center gap-1 rounded bg-slate-100 px-1.5 py-px text-[0.7rem] font-medium text-slate-600 before:icon-mask before:size-3 before:shrink-0 dark:bg-slate-800 dark:text-slate-300"
          style={iconMask(action.icon)}
        >
          {action.short}
        </span>
      )}
      <span
        dir="auto"
        className={`min-w-0 flex-1 clip-text ${preview.kind === 'text' ? '' : 'italic text-slate-500 dark:text-slate-400'}`}
      >
        {preview.text}
      </span>
      {typeof time === 'number' && <MessageTime time={time} />}
    </div>
  )
}

/** A card draws nothing for an empty value; a column draws its (empty) cell. */
function EmptyCell({ inCard }: { inCard: string | undefined }) {
  return inCard === undefined ? <div {...cellBox(inCard, '')} /> : null
}

export function UnreadCell({ conversation, inCard }: CellProps) {
  const count = conversation.unreadCount ?? 0
  if (count <= 0) return <EmptyCell inCard={inCard} />
  const badge = (
    <span
      className={`${inCard ?? ''} rounded-full bg-sky-600 px-2 py-px text-xs font-semibold tabular-nums text-white dark:bg-sky-500 dark:text-slate-950`}
    >
      {count > 99 ? '99+' : count}
      <span className="sr-only"> unread</span>
    </span>
  )
  return inCard === undefined ? <div {...cellBox(inCard, 'flex items-center justify-center')}>{badge}</div> : badge
}

export function AssigneeCell({ conversation, inCard }: CellProps) {
  const { data: names } = useQuery(userQueries.names())
  const id = conversation.assignedTo
  if (!id) {
    return (
      <div {...cellBox(inCard, 'text-slate-400 dark:text-slate-500')}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">Unassigned</span>
      </div>
    )
  }
  // Left-aligned whatever the name's direction, as the name was when it sat in a box of its own.
  return (
    <div {...cellBox(inCard, 'clip-text text-left text-slate-700 dark:text-slate-300')} dir="auto">
      {names?.get(id) ?? id}
    </div>
  )
}

export function StarredCell({ conversation, inCard }: CellProps) {
  if (!conversation.starred) return <EmptyCell inCard={inCard} />
  return (
    <div {...cellBox(inCard, 'flex items-center justify-center text-amber-500 before:icon-mask before:size-4 before:shrink-0')} style={iconMask(ICONS.star, true)}>
      <span className="sr-only">Starred</span>
    </div>
  )
}

/** How long the contact has waited, against the response target; empty when we wrote last. */
export function WaitingCell({ conversation }: CellProps) {
  const now = useNow()
  const targetMs = use(ResponseTargetContext)
  return (
    <div {...cellBox(undefined, 'flex items-center')}>
      <WaitingBadge conversation={conversation} now={now} targetMs={targetMs} />
    </div>
  )
}
