import { createColumnHelper, tableFeatures } from '@tanstack/react-table'
import type { Conversation } from '../../api/schemas/conversation'

export const inboxFeatures = tableFeatures({})
const column = createColumnHelper<typeof inboxFeatures, Conversation>()

export function contactLabel(conversation: Conversation): string {
  return (
    conversation.fullName?.trim() ||
    conversation.contactName?.trim() ||
    conversation.email?.trim() ||
    conversation.phone?.trim() ||
    'Unknown contact'
  )
}

export const inboxColumns = column.columns([
  column.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <span className="truncate font-medium">{contactLabel(row.original)}</span>,
  }),
  column.display({
    id: 'channel',
    header: 'Channel',
    cell: ({ row }) => (
      <span className="truncate text-slate-600 dark:text-slate-400">
        {row.original.lastMessageType?.replace(/^TYPE_/, '') ?? '—'}
      </span>
    ),
  }),
  column.display({
    id: 'lastMessage',
    header: 'Last message',
    cell: ({ row }) => <span className="truncate">{row.original.lastMessageBody ?? ''}</span>,
  }),
  column.display({
    id: 'unread',
    header: 'Unread',
    cell: ({ row }) =>
      row.original.unreadCount ? (
        <span className="rounded-full bg-blue-600 px-2 text-xs font-semibold text-white">
          {row.original.unreadCount}
        </span>
      ) : null,
  }),
])
