/** Message bodies for the preview pane; the text rules themselves are in src/lib/plain-text.ts. */
import { cleanText, htmlToText } from '../../lib/plain-text'

/** More than this is not worth parsing for a preview: the rest is cut before any work. */
export const MAX_SOURCE_CHARS = 200_000
/** What a message shows before "Show full message". */
export const PREVIEW_CHARS = 4_000

/** Whether a body is HTML: said so, or an email that plainly holds tags. */
export function isHtmlBody(body: string, contentType?: string | null, messageType?: string | null): boolean {
  if (contentType?.toLowerCase().includes('html')) return true
  return Boolean(messageType?.includes('EMAIL')) && /<(html|body|div|p|br|table|span|a)\b/i.test(body)
}

/** A message body as the plain text to show. */
export function messageText(body: string | null | undefined, contentType?: string | null, messageType?: string | null): string {
  const source = (body ?? '').slice(0, MAX_SOURCE_CHARS)
  const text = isHtmlBody(source, contentType, messageType) ? htmlToText(source) : source.trim()
  return cleanText(text)
}

/** The first `max` characters, never splitting an emoji's surrogate pair, and how many were left out. */
export function cutText(text: string, max: number): { shown: string; omitted: number } {
  if (text.length <= max) return { shown: text, omitted: 0 }
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max
  return { shown: text.slice(0, end), omitted: text.length - end }
}

/** The URL if it is an http(s) one, else undefined: attachments must not become `javascript:` links. */
export function safeHttpUrl(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}
