export interface UpstreamTarget {
  /** e.g. `https://services.leadconnectorhq.com`, no trailing slash needed. */
  apiBase: string
  apiVersion: string
  token: string
  locationId: string
}

export interface UpstreamCall {
  method: 'GET' | 'PUT' | 'POST'
  rawPath: string
  query: URLSearchParams
  /** A checked write body, sent as JSON. */
  body: Record<string, unknown> | undefined
}

/**
 * Built from scratch rather than copied from the browser's request: nothing the browser
 * sent (its Authorization, cookies, forwarding headers) can reach HighLevel.
 */
export function buildUpstreamRequest(target: UpstreamTarget, call: UpstreamCall, signal: AbortSignal): Request {
  const base = target.apiBase.replace(/\/+$/, '')
  const search = call.query.toString()
  const url = `${base}${call.rawPath}${search === '' ? '' : `?${search}`}`
  const headers: Record<string, string> = {
    authorization: `Bearer ${target.token}`,
    version: target.apiVersion,
    accept: 'application/json',
  }
  if (call.body !== undefined) headers['content-type'] = 'application/json'
  return new Request(url, {
    method: call.method,
    headers,
    body: call.body === undefined ? null : JSON.stringify(call.body),
    // A redirect could point anywhere; HighLevel's API has no reason to send one.
    redirect: 'manual',
    signal,
  })
}
