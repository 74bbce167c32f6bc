/**
 * HighLevel's merge fields (`{{contact.first_name}}`) in a template, filled from what the inbox
 * knows. Unknown or empty ones stay as written, so the person sees what is still to fill in.
 */

export interface PlaceholderValues {
  contact: { firstName?: string | null; lastName?: string | null; name?: string | null; email?: string | null; phone?: string | null }
  userName?: string | null
  locationName?: string | null
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g

function known(values: PlaceholderValues): Readonly<Record<string, string | undefined>> {
  const { contact } = values
  const name = contact.name?.trim() || [contact.firstName, contact.lastName].filter(Boolean).join(' ').trim()
  const firstName = contact.firstName?.trim() || name.split(/\s+/)[0]
  const lastName = contact.lastName?.trim() || undefined
  const user = values.userName?.trim()
  return {
    'contact.first_name': firstName,
    'contact.last_name': lastName,
    'contact.name': name,
    'contact.full_name': name,
    'contact.email': contact.email?.trim(),
    'contact.phone': contact.phone?.trim(),
    'user.name': user,
    'user.first_name': user?.split(/\s+/)[0],
    'location.name': values.locationName?.trim(),
  }
}

/** The text with every placeholder whose value is known replaced by it. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const table = known(values)
  return text.replace(PLACEHOLDER, (whole, key: string) => table[key.toLowerCase()] || whole)
}

/** The placeholders still in the text, each once, as written (`{{contact.email}}`). */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[0]))]
}
