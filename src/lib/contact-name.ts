import type { Conversation } from '../api/schemas/conversation'

type Named = Pick<Conversation, 'fullName' | 'contactName' | 'email' | 'phone'>

/** Longer than any real name: a hostile one is cut, so it cannot swell labels and attributes. */
const NAME_MAX = 200

/** How a conversation's contact is named: full name, else contact name, email, phone. */
export function contactName(conversation: Named): string {
  const name =
    conversation.fullName?.trim() ||
    conversation.contactName?.trim() ||
    conversation.email?.trim() ||
    conversation.phone?.trim() ||
    'Unknown contact'
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX)}…` : name
}
