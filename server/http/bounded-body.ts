/**
 * Reads a request's (or an answer's) body as text, giving up once it passes `maxBytes`: an 8 MB body is never
 * read whole to be refused. Undefined when too large.
 */
export async function readBoundedBody(message: Request | Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(message.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await message.body?.cancel()
    return undefined
  }
  if (!message.body) return ''
  const reader = message.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** `application/json` or `application/<something>+json`, with or without parameters. */
export function isJsonType(contentType: string | null): boolean {
  return /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType ?? '')
}
