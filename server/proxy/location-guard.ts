/**
 * Search and users are pinned by the `locationId` the server adds. A conversation or its
 * messages are fetched by id alone, so a token that reaches more than one location (an
 * agency-level token) could read another location's conversation by guessing its id. The
 * answer names its location: anything naming another one is withheld.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function locationsNamed(body: unknown): string[] {
  if (!isRecord(body)) return []
  const found: string[] = []
  if (typeof body.locationId === 'string') found.push(body.locationId)
  // `GET /conversations/{id}/messages` nests its list: `{ messages: { messages: [...] } }`.
  const list = isRecord(body.messages) ? body.messages.messages : body.messages
  if (Array.isArray(list)) {
    for (const message of list) {
      if (isRecord(message) && typeof message.locationId === 'string') found.push(message.locationId)
    }
  }
  return found
}

/** True when a successful JSON answer names only the pinned location (or none at all). */
export function staysInLocation(body: string, locationId: string): boolean {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return true
  }
  return locationsNamed(parsed).every((named) => named === locationId)
}
