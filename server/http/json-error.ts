import { STATUS_CODES } from 'node:http'

/** The error body HighLevel itself sends, so the app parses ours and theirs the same way. */
export interface JsonErrorBody {
  statusCode: number
  message: string
  error: string
}

const REASONS: Readonly<Record<number, string>> = { 499: 'Client Closed Request' }

export function jsonError(
  statusCode: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const body: JsonErrorBody = { statusCode, message, error: STATUS_CODES[statusCode] ?? REASONS[statusCode] ?? 'Error' }
  return new Response(JSON.stringify(body), {
    status: statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })
}
