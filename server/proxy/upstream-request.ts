import type { AllowedRoute } from './allow-list.ts'

export interface UpstreamTarget {
  /** e.g. `https://services.leadconnectorhq.com`, no trailing slash needed. */
  apiBase: string
  apiVersion: string
  token: string
  locationId: string
}

export type QueryCheck = { ok: true; query: URLSearchParams } | { ok: false; message: string }

/**
 * The server pins the location: it adds `locationId` where HighLevel wants it and refuses
 * a request that names any other, so a page cannot point this token at another account.
 */
export function pinLocation(search: string, route: AllowedRoute, locationId: string): QueryCheck {
  const query = new URLSearchParams(search)
  const asked = query.getAll('locationId')
  if (asked.some((value) => value !== locationId)) {
    return { ok: false, message: `This server only serves location ${locationId}` }
  }
  if (route.pinsLocation) query.set('locationId', locationId)
  return { ok: true, query }
}

/**
 * Built from scratch rather than copied from the browser's request: nothing the browser
 * sent (its Authorization, cookies, forwarding headers) can reach HighLevel.
 */
export function buildUpstreamRequest(
  target: UpstreamTarget,
  rawPath: string,
  query: URLSearchParams,
  signal: AbortSignal,
): Request {
  const base = target.apiBase.replace(/\/+$/, '')
  const search = query.toString()
  const url = `${base}${rawPath}${search === '' ? '' : `?${search}`}`
  return new Request(url, {
    method: 'GET',
    headers: {
      authorization: `Bearer ${target.token}`,
      version: target.apiVersion,
      accept: 'application/json',
    },
    // A redirect could point anywhere; HighLevel's API has no reason to send one.
    redirect: 'manual',
    signal,
  })
}
