/** Response bodies in HighLevel's own words (see the published error DTOs). */

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  })
}

export const unauthorized = (): Response =>
  json({ statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' }, 401)

/** A valid token without the scope the route needs (the `missingScopes` knob). */
export const outOfScope = (): Response =>
  json({ statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' }, 401)

export const badVersion = (version: string | null): Response =>
  json(
    {
      statusCode: 400,
      message: version === null ? 'Version header was not found' : 'Bad Request',
      error: 'Bad Request',
    },
    400,
  )

export const forbidden = (): Response =>
  json({ statusCode: 403, message: 'The token does not have access to this location.', error: 'Forbidden' }, 403)

export const unprocessable = (messages: string[]): Response =>
  json({ statusCode: 422, message: messages, error: 'Unprocessable Entity' }, 422)

export const notFound = (message: string): Response =>
  json({ statusCode: 404, message, error: 'Not Found' }, 404)

export const badRequest = (message: string): Response =>
  json({ statusCode: 400, message, error: 'Bad Request' }, 400)

const FAILURES = [
  { statusCode: 500, message: 'Internal server error' },
  { statusCode: 502, message: 'Bad Gateway' },
  { statusCode: 503, message: 'Service Unavailable' },
] as const

/** A simulated server failure; `pick` is in [0, 1). */
export function serverFailure(pick: number): Response {
  const failure = FAILURES[Math.floor(pick * FAILURES.length)] ?? FAILURES[0]
  return json(failure, failure.statusCode)
}

/** HighLevel's trace ids look like UUIDs. */
export function traceId(): string {
  return crypto.randomUUID()
}
