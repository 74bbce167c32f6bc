import { useQuery } from '@tanstack/react-query'
import { use } from 'react'
import { userQueries } from '../../api/list-users'
import type { Conversation } from '../../api/schemas/conversation'
import { Icon, ICONS } from '../../components/ui/icon'
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

export function NameCell({ conversation }: { conversation: Conversation }) {
  const label = contactName(conversation)
  const unread = (conversation.unreadCount ?? 0) > 0
  return (
    <span className="flex min-w-0 items-center gap-2.5">
      {/* Initials drawn by CSS: decoration, kept out of the cell's text. */}
      <span
        aria-hidden="true"
        data-initials={initialsOf(label)}
        className={`grid size-7 shrink-0 place-items-center rounded-full text-[0.7rem] font-semibold before:content-[attr(data-initials)] ${colourOf(conversation.contactId || conversation.id)}`}
      />
      <span dir="auto" className={`truncate ${unread ? 'font-semibold' : 'font-medium'}`}>
        {label}
      </span>
      <RowMarkBadges conversationId={conversation.id} />
    </span>
  )
}

export function ChannelCell({ conversation }: { conversation: Conversation }) {
  const channel = conversationChannel(conversation)
  return (
    <span className="flex min-w-0 items-center gap-1.5 text-slate-600 dark:text-slate-300">
      <Icon paths={channel.icon} />
      <span className="truncate">{channel.label}</span>
    </span>
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

export function LastMessageCell({ conversation }: { conversation: Conversation }) {
  const preview = messagePreview(conversation)
  const direction = shownValue(DIRECTIONS_SHOWN, conversation.lastMessageDirection)
  const outbound = conversation.lastMessageDirection === 'outbound'
  const action = outbound ? shownValue(MESSAGE_ACTIONS_SHOWN, conversation.lastOutboundMessageAction) : undefined
  const time = conversation.lastMessageDate
  return (
    <span className="flex min-w-0 flex-1 items-center gap-2">
      {direction && (
        <span className={outbound ? 'text-slate-400 dark:text-slate-500' : 'text-sky-600 dark:text-sky-400'}>
          <Icon paths={direction.icon} className="size-3.5" />
          <span className="sr-only">{direction.spoken}</span>
        </span>
      )}
      {action && (
        <span className="inline-flex shrink-0 items-center gap-1 rounded bg-slate-100 px-1.5 py-px text-[0.7rem] font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <Icon paths={action.icon} className="size-3" />
          {action.short}
        </span>
      )}
      <span
        dir="auto"
        className={`min-w-0 flex-1 truncate ${preview.kind === 'text' ? '' : 'italic text-slate-500 dark:text-slate-400'}`}
      >
        {preview.text}
      </span>
      {typeof time === 'number' && <MessageTime time={time} />}
    </span>
  )
}

export function UnreadCell({ conversation }: { conversation: Conversation }) {
  const count = conversation.unreadCount ?? 0
  if (count <= 0) return null
  return (
    <span className="rounded-full bg-sky-600 px-2 py-px text-xs font-semibold tabular-nums text-white dark:bg-sky-500 dark:text-slate-950">
      {count > 99 ? '99+' : count}
      <span className="sr-only"> unread</span>
    </span>
  )
}

export function AssigneeCell({ conversation }: { conversation: Conversation }) {
  const { data: names } = useQuery(userQueries.names())
  const id = conversation.assignedTo
  if (!id) {
    return (
      <span className="text-slate-400 dark:text-slate-500">
        <span aria-hidden="true">—</span>
        <span className="sr-only">Unassigned</span>
      </span>
    )
  }
  return (
    <span dir="auto" className="truncate text-slate-700 dark:text-slate-300">
      {names?.get(id) ?? id}
    </span>
  )
}

export function StarredCell({ conversation }: { conversation: Conversation }) {
  if (!conversation.starred) return null
  return (
    <span className="text-amber-500">
      <Icon paths={ICONS.star} filled />
      <span className="sr-only">Starred</span>
    </span>
  )
}

/** How long the contact has waited, against the response target; empty when we wrote last. */
export function WaitingCell({ conversation }: { conversation: Conversation }) {
  const now = useNow()
  const targetMs = use(ResponseTargetContext)
  return <WaitingBadge conversation={conversation} now={now} targetMs={targetMs} />
}
