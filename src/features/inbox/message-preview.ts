import type { Conversation } from '../../api/schemas/conversation'

/** How much of a body is read at all: a preview never needs more, and emails can be megabytes. */
const SOURCE_LIMIT = 4_000
/** How much of the preview is kept: one line of a wide screen. */
const PREVIEW_LIMIT = 280

const EMAIL_TYPES = new Set(['TYPE_EMAIL', 'TYPE_CAMPAIGN_EMAIL', 'TYPE_CUSTOM_EMAIL', 'TYPE_CUSTOM_PROVIDER_EMAIL'])
const CALL_TYPES = new Set(['TYPE_CALL', 'TYPE_CAMPAIGN_CALL', 'TYPE_CAMPAIGN_MANUAL_CALL', 'TYPE_IVR_CALL', 'TYPE_CUSTOM_CALL'])
const VOICEMAIL_TYPES = new Set(['TYPE_CAMPAIGN_VOICEMAIL'])

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  zwnj: '',
  zwj: '',
}

/** Decodes character references; unknown names are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole
  })
}

/**
 * The text of an HTML body, for a one-line preview. Never parsed into a DOM: tags are dropped
 * as text, then references decoded (so an encoded `&lt;b&gt;` stays visible text).
 */
export function htmlToText(html: string): string {
  const text = html
    .slice(0, SOURCE_LIMIT)
    .replace(/<(style|script|head|title)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    // Block boundaries separate words; inline tags (<b>, <a>) sit inside them.
    .replace(/<\/?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|hr)\b[^>]*(>|$)/gi, ' ')
    .replace(/<[^>]*(>|$)/g, '')
  return collapse(decodeEntities(text))
}

function collapse(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > PREVIEW_LIMIT ? `${line.slice(0, PREVIEW_LIMIT)}…` : line
}

export type PreviewKind = 'text' | 'call' | 'voicemail' | 'empty'

/** The one line a row shows for a conversation's last message. */
export function messagePreview(conversation: Conversation): { kind: PreviewKind; text: string } {
  const type = conversation.lastMessageType ?? ''
  const body = conversation.lastMessageBody ?? ''
  const text = EMAIL_TYPES.has(type) ? htmlToText(body) : collapse(body.slice(0, SOURCE_LIMIT))
  if (text) return { kind: 'text', text }
  if (VOICEMAIL_TYPES.has(type)) return { kind: 'voicemail', text: 'Voicemail' }
  if (CALL_TYPES.has(type)) {
    return { kind: 'call', text: conversation.lastMessageDirection === 'outbound' ? 'Outgoing call' : 'Incoming call' }
  }
  return { kind: 'empty', text: 'No message text' }
}
