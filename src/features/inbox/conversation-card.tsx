import type { Conversation } from '../../api/schemas/conversation'
import { ChannelCell, LastMessageCell, NameCell, StarredCell, UnreadCell } from './cells'

/**
 * A row on a phone-width screen: two lines, name and channel (the time ends the second line with
 * the last message), then the last message and its badges. One cell: a card has no columns.
 */
export function ConversationCard({ conversation }: { conversation: Conversation }) {
  return (
    <div role="gridcell" className="flex min-w-0 flex-1 flex-col justify-center gap-1 py-2 pr-28 pl-3">
      <div className="flex min-w-0 items-center gap-2">
        <span className="min-w-0 flex-1">
          <NameCell conversation={conversation} />
        </span>
        <span className="shrink-0 text-xs">
          <ChannelCell conversation={conversation} />
        </span>
      </div>
      <div className="flex min-w-0 items-center gap-2 pl-9">
        <LastMessageCell conversation={conversation} />
        <UnreadCell conversation={conversation} />
        <StarredCell conversation={conversation} />
      </div>
    </div>
  )
}
