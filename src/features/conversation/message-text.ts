/**
 * Turning untrusted message bodies and names into plain text that is safe and tidy to show.
 * Nothing here produces markup: the result is rendered as a React text node, so it cannot
 * script the page whatever it contains; these functions are about reading well.
 */

/** More than this is not worth parsing for a preview: the rest is cut before any work. */
export const MAX_SOURCE_CHARS = 200_000
/** What a message shows before "Show full message". */
export const PREVIEW_CHARS = 4_000

// C0 and C1 controls except tab and newline, and the bidi embeddings, overrides and isolates
// that can reorder the text around them (each message is already isolated with dir="auto").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

/** Removes control characters, with Windows, old-Mac and Unicode line ends made plain newlines. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(UNSAFE_CHARACTERS, '')
}

/** A name or one-line label: cleaned, with any line breaks or runs of spaces made one space. */
export function cleanLine(text: string | null | undefined): string {
  return cleanText(text ?? '').replace(/\s+/g, ' ').trim()
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  euro: '€',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      return valid ? String.fromCodePoint(code) : '\ufffd'
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole
  })
}

const INVISIBLE_ELEMENTS = /<(script|style|head|title|template|noscript)\b[\s\S]*?<\/\1\s*>/gi
/** A tag's attributes, where a quoted value may hold `>`. Linear: each branch starts differently. */
const ATTRIBUTES = `(?:[^>"']|"[^"]*"|'[^']*')*`
const LINE_BREAKING_TAGS = new RegExp(
  `</?(?:p|div|br|li|tr|h[1-6]|blockquote|table|thead|tbody|ul|ol|section|article|header|footer|pre|hr)\\b${ATTRIBUTES}>`,
  'gi',
)
const ANY_TAG = new RegExp(`</?[a-z]${ATTRIBUTES}>|<![^>]*>`, 'gi')

/** The readable text of an HTML email, without ever handing the HTML to the browser. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, '')
      .replace(INVISIBLE_ELEMENTS, '')
      .replace(/\s+/g, ' ')
      .replace(LINE_BREAKING_TAGS, '\n')
      .replace(ANY_TAG, ''),
  )
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

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
