import type { Conversation } from '../../api/schemas/conversation'
import { ChannelCell, LastMessageCell, NameCell, StarredCell, UnreadCell } from './cells'

/**
 * A row on a phone-width screen: two lines, name and channel (the time ends the second line with
 * the last message), then the last message and its badges. One cell: a card has no columns. The
 * cells' own boxes are its lines' parts, with no wrapper of their own.
 */
export function ConversationCard({ conversation }: { conversation: Conversation }) {
  return (
    <div role="gridcell" className="flex min-w-0 flex-1 flex-col justify-center gap-1 py-2 pr-28 pl-3">
      <div className="flex min-w-0 items-center gap-2">
        <NameCell conversation={conversation} inCard="min-w-0 flex-1" />
        <ChannelCell conversation={conversation} inCard="shrink-0 text-xs" />
      </div>
      <div className="flex min-w-0 items-center gap-2 pl-9">
        <LastMessageCell conversation={conversation} inCard="min-w-0 flex-1" />
        <UnreadCell conversation={conversation} inCard="shrink-0" />
        <StarredCell conversation={conversation} inCard="shrink-0" />
      </div>
    </div>
  )
}
