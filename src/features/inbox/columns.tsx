import { createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table'
import type { Conversation } from '../../api/schemas/conversation'
import { AssigneeCell, ChannelCell, LastMessageCell, NameCell, StarredCell, UnreadCell } from './cells'

interface InboxColumnMeta {
  /** The column's CSS grid track: the rows are grids, not table cells. */
  track: string
  align?: 'center'
}

export const inboxFeatures = tableFeatures({ columnMeta: metaHelper<InboxColumnMeta>() })
const column = createColumnHelper<typeof inboxFeatures, Conversation>()

export const inboxColumns = column.columns([
  column.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <NameCell conversation={row.original} />,
    meta: { track: 'minmax(11rem, 1.3fr)' },
  }),
  column.display({
    id: 'channel',
    header: 'Channel',
    cell: ({ row }) => <ChannelCell conversation={row.original} />,
    meta: { track: '9.5rem' },
  }),
  column.display({
    id: 'lastMessage',
    header: 'Last message',
    cell: ({ row }) => <LastMessageCell conversation={row.original} />,
    meta: { track: 'minmax(14rem, 3fr)' },
  }),
  column.display({
    id: 'unread',
    header: 'Unread',
    cell: ({ row }) => <UnreadCell conversation={row.original} />,
    meta: { track: '5rem', align: 'center' },
  }),
  column.display({
    id: 'assignee',
    header: 'Assignee',
    cell: ({ row }) => <AssigneeCell conversation={row.original} />,
    meta: { track: 'minmax(7rem, 0.8fr)' },
  }),
  column.display({
    id: 'starred',
    header: 'Starred',
    cell: ({ row }) => <StarredCell conversation={row.original} />,
    meta: { track: '4.5rem', align: 'center' },
  }),
])

/** The grid template every row shares, from the columns' tracks. */
export const gridTemplateColumns = inboxColumns.map((definition) => definition.meta?.track ?? '1fr').join(' ')
