import type { Conversation } from '../api/schemas/conversation'

type Named = Pick<Conversation, 'fullName' | 'contactName' | 'email' | 'phone'>

/** Longer than any real name: a hostile one is cut, so it cannot swell labels and attributes. */
const NAME_MAX = 200

/** The longest name `knownContactName` gives: the cut name and its ellipsis. */
export const CONTACT_NAME_MAX_CHARS = NAME_MAX + 1

/**
 * How a conversation's contact is named: full name, else contact name, email, phone; undefined
 * when it has none of them. The server words a bulk job's conversations with it too.
 */
export function knownContactName(conversation: Named): string | undefined {
  const name =
    conversation.fullName?.trim() ||
    conversation.contactName?.trim() ||
    conversation.email?.trim() ||
    conversation.phone?.trim()
  if (!name) return undefined
  return name.length > NAME_MAX ? `${name.slice(0, NAME_MAX)}…` : name
}

/** The contact's name as the rows show it: `knownContactName`, else "Unknown contact". */
export function contactName(conversation: Named): string {
  return knownContactName(conversation) ?? 'Unknown contact'
}
