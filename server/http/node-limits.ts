import type { Server } from 'node:http'

/**
 * Limits for the Node listener, so slow or numerous connections cannot tie the server up:
 * a client has this long to send its headers and its whole request (long answers such as
 * the push stream are not affected), and only so many sockets are open at once.
 */
export interface NodeLimits {
  headersTimeout: number
  requestTimeout: number
  maxConnections: number
}

export const NODE_LIMITS: Readonly<NodeLimits> = {
  headersTimeout: 20_000,
  requestTimeout: 60_000,
  maxConnections: 1_000,
}

export function applyNodeLimits(server: Server, limits: Partial<NodeLimits> = {}): void {
  const chosen = { ...NODE_LIMITS, ...limits }
  server.headersTimeout = chosen.headersTimeout
  server.requestTimeout = chosen.requestTimeout
  server.maxConnections = chosen.maxConnections
}
