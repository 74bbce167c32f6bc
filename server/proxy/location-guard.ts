/**
 * Search and users are pinned by the `locationId` the server adds. A conversation, its
 * messages, an email or the templates are fetched by path alone, so a token that reaches more than one location (an
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
  // `GET /locations/{id}/templates` lists `{ templates: [{ locationId, ... }] }`.
  for (const items of [list, body.templates]) {
    if (!Array.isArray(items)) continue
    for (const item of items) {
      if (isRecord(item) && typeof item.locationId === 'string') found.push(item.locationId)
    }
  }
  return found
}

/** True when a successful JSON answer names only the pinned location (or none at all). */
export function staysInLocation(body: unknown, locationId: string): boolean {
  return locationsNamed(body).every((named) => named === locationId)
}
