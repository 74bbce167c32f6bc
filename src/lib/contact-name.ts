import type { Conversation } from '../api/schemas/conversation'

type Named = Pick<Conversation, 'fullName' | 'contactName' | 'email' | 'phone'>

/** How a conversation's contact is named: full name, else contact name, email, phone. */
export function contactName(conversation: Named): string {
  return (
    conversation.fullName?.trim() ||
    conversation.contactName?.trim() ||
    conversation.email?.trim() ||
    conversation.phone?.trim() ||
    'Unknown contact'
  )
}
