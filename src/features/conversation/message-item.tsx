import { useMemo, useState } from 'react'
import type { Message } from '../../api/schemas/message'
import { messageTypeLabel } from '../../lib/labels'
import { cleanLine } from '../../lib/plain-text'
import { formatMessageDate } from './message-date'
import { PREVIEW_CHARS, cutText, messageText, safeHttpUrl } from './message-text'

const BUBBLE_STYLES = {
  inbound: 'mr-8 bg-slate-100 dark:bg-slate-800',
  outbound: 'ml-8 bg-blue-50 dark:bg-blue-950',
  other: 'mx-4 border border-dashed border-slate-300 dark:border-slate-700',
} as const

/** One message. Its body is plain text in a text node: whatever it holds cannot become markup. */
export function MessageItem({ message }: { message: Message }) {
  const [expanded, setExpanded] = useState(false)
  const text = useMemo(
    () => messageText(message.body, message.contentType, message.messageType),
    [message.body, message.contentType, message.messageType],
  )
  const { shown, omitted } = expanded ? { shown: text, omitted: 0 } : cutText(text, PREVIEW_CHARS)
  const direction = message.direction === 'inbound' || message.direction === 'outbound' ? message.direction : 'other'
  const date = formatMessageDate(message.dateAdded)
  const attachments = message.attachments ?? []

  return (
    <li className={`min-w-0 rounded-lg px-3 py-2 ${BUBBLE_STYLES[direction]}`} data-direction={direction}>
      <p className="flex flex-wrap gap-x-2 text-xs text-slate-600 dark:text-slate-300">
        <span className="font-medium">{messageTypeLabel(message.messageType)}</span>
        {direction !== 'other' && <span>{direction === 'inbound' ? 'Received' : 'Sent'}</span>}
        {date && message.dateAdded && <time dateTime={message.dateAdded}>{date}</time>}
        {message.status && <span>{cleanLine(message.status)}</span>}
      </p>
      {shown ? (
        <p dir="auto" className="mt-1 overflow-hidden text-sm whitespace-pre-wrap wrap-anywhere" data-testid="message-body">
          {shown}
          {omitted > 0 && '…'}
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-600 italic dark:text-slate-300">No text</p>
      )}
      {omitted > 0 && (
        <button
          type="button"
          onClick={() => setExpanded(true)}
          className="mt-1 text-xs font-medium text-blue-700 underline dark:text-blue-300"
        >
          Show full message ({omitted.toLocaleString()} more characters)
        </button>
      )}
      {attachments.length > 0 && (
        <ul aria-label="Attachments" className="mt-1 text-xs">
          {attachments.map((raw, index) => {
            const url = safeHttpUrl(raw)
            const name = cleanLine(raw.split('/').at(-1)) || `Attachment ${index + 1}`
            return (
              <li key={`${index}:${raw}`} className="truncate">
                {url ? (
                  <a href={url} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline dark:text-blue-300">
                    {name}
                  </a>
                ) : (
                  <span>{name} (not a web link)</span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </li>
  )
}
