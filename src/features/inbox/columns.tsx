import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  tableFeatures,
  type Column,
} from '@tanstack/react-table'
import type { Conversation } from '../../api/schemas/conversation'
import { AssigneeCell, ChannelCell, LastMessageCell, NameCell, StarredCell, UnreadCell, WaitingCell } from './cells'

interface InboxColumnMeta {
  /** Takes the room left over; its size is then its least width (and it is not resized). */
  fill?: true
  /** Its header's title is centred (its cells centre their own content). */
  align?: 'center'
}

export const inboxFeatures = tableFeatures({
  columnMeta: metaHelper<InboxColumnMeta>(),
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
})
const column = createColumnHelper<typeof inboxFeatures, Conversation>()

/** Each `cell` draws the column's grid cell itself (`role="gridcell"`), not content for a wrapper. */
export const inboxColumns = column.columns([
  column.display({
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <NameCell conversation={row.original} />,
    size: 208,
    enableHiding: false,
  }),
  column.display({
    id: 'channel',
    header: 'Channel',
    cell: ({ row }) => <ChannelCell conversation={row.original} />,
    size: 152,
  }),
  column.display({
    id: 'lastMessage',
    header: 'Last message',
    cell: ({ row }) => <LastMessageCell conversation={row.original} />,
    size: 224,
    meta: { fill: true },
    enableResizing: false,
  }),
  column.display({
    id: 'waiting',
    header: 'Waiting',
    cell: ({ row }) => <WaitingCell conversation={row.original} />,
    size: 176,
  }),
  column.display({
    id: 'unread',
    header: 'Unread',
    cell: ({ row }) => <UnreadCell conversation={row.original} />,
    size: 80,
    meta: { align: 'center' },
  }),
  column.display({
    id: 'assignee',
    header: 'Assignee',
    cell: ({ row }) => <AssigneeCell conversation={row.original} />,
    size: 144,
  }),
  column.display({
    id: 'starred',
    header: 'Starred',
    cell: ({ row }) => <StarredCell conversation={row.original} />,
    // Wide enough for its header: "STARRED" is cut at 80 px.
    size: 96,
    meta: { align: 'center' },
  }),
])

/** The CSS grid template every row shares (rows are grids, not table cells): visible columns, their sizes. */
export function gridTemplateOf(columns: readonly Column<typeof inboxFeatures, Conversation>[]): string {
  return columns
    .map((column) => (column.columnDef.meta?.fill ? `minmax(${column.getSize()}px, 1fr)` : `${column.getSize()}px`))
    .join(' ')
}

/** A column's name for people: its header text, or its id when the header is not text. */
export function columnTitle(column: Column<typeof inboxFeatures, Conversation>): string {
  return typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id
}
