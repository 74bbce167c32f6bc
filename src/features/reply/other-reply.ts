import type { Message } from '../../api/schemas/message'

/**
 * Someone else's reply since the conversation was opened: an outbound message the thread did not
 * hold when it opened and this tab did not send (heard over the push channel, or read from
 * HighLevel: a teammate answering there, a workflow). The newest such one; replies still sending
 * are this tab's own.
 */
export function findOtherReply(messages: readonly Message[], seenAtOpen: ReadonlySet<string>, sentHere: ReadonlySet<string>): Message | undefined {
  return messages.find(
    (message) => message.direction === 'outbound' && !message.id.startsWith('pending-') && !seenAtOpen.has(message.id) && !sentHere.has(message.id),
  )
}
