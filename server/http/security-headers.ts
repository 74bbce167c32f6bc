import type { MiddlewareHandler } from 'hono'

/**
 * No inline script anywhere: the built bundle needs none (the server-rendered page carries its
 * data in a `type="application/json"` element, which is not script), so an injected script
 * cannot run. Style sheets only from here; `style` attributes are allowed (`style-src-attr`),
 * because the server's HTML has React's `style` attributes in it (row positions, column widths)
 * that the browser must apply before the app runs; React sets them through the CSSOM afterwards.
 * A `style` attribute cannot load anything (`img-src`, `font-src` still apply) nor run script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Conversation ids in our URLs are nobody else's business, including HighLevel's app.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

/** Set after the handler so every answer gets them, errors and 401s included. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value)
}
