/** The token scopes the emulated routes need, as HighLevel's reference names them. */
export const SCOPES = [
  'conversations.readonly',
  'conversations.write',
  'conversations/message.readonly',
  'conversations/message.write',
  'contacts.write',
  'users.readonly',
  'locations/templates.readonly',
] as const

export type Scope = (typeof SCOPES)[number]

/** `missingScopes` of `POST /_emulator/knobs`: distinct known scopes, so at most all of them. */
export function parseScopes(value: unknown): Scope[] {
  const problem = `missingScopes must be a list of distinct scopes out of: ${SCOPES.join(', ')}`
  if (!Array.isArray(value) || value.length > SCOPES.length) throw new Error(problem)
  const scopes = new Set<Scope>()
  for (const item of value as unknown[]) {
    if (!(SCOPES as readonly unknown[]).includes(item) || scopes.has(item as Scope)) throw new Error(problem)
    scopes.add(item as Scope)
  }
  return [...scopes]
}
