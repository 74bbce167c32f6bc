/**
 * Turning untrusted text — message bodies, names — into plain text that is safe and tidy to show.
 * Nothing here produces markup: results are rendered as React text nodes, so they cannot script
 * the page whatever they contain; these functions are about reading well.
 */

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
  middot: '·',
  trade: '™',
  pound: '£',
  zwnj: '',
  zwj: '',
}

/** Decodes character references; unknown names stay as written, impossible code points become U+FFFD. */
export function decodeEntities(text: string): string {
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
      .replace(ANY_TAG, '')
      // A body cut short can end inside a tag: that fragment is markup, not text.
      .replace(/<[a-z/!][^>]*$/i, ''),
  )
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
