import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'

export type NodeEnv = { Bindings: Partial<HttpBindings> }

/** The peer's address as the socket saw it; `local` in process (tests call `app.fetch`). */
export function socketAddress(c: Context<NodeEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'local'
}

/**
 * Who a request comes from, for sharing the HighLevel budget fairly. Behind a proxy the
 * server is allowed to sit behind (ACCESS_SECRET or ALLOW_UNAUTHENTICATED), the last
 * `X-Forwarded-For` entry is the one that proxy saw; else the socket's peer.
 */
export function clientKey(c: Context<NodeEnv>, trustForwarded: boolean): string {
  const forwarded = trustForwarded ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined
  return forwarded || socketAddress(c)
}
