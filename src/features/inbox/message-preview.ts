import type { Conversation } from '../../api/schemas/conversation'
import { cleanText, htmlToText } from '../../lib/plain-text'

/** How much of a body is read at all: a preview never needs more, and emails can be megabytes. */
const SOURCE_LIMIT = 4_000
/** How much of the preview is kept: one line of a wide screen. */
const PREVIEW_LIMIT = 280

const EMAIL_TYPES = new Set(['TYPE_EMAIL', 'TYPE_CAMPAIGN_EMAIL', 'TYPE_CUSTOM_EMAIL', 'TYPE_CUSTOM_PROVIDER_EMAIL'])
const CALL_TYPES = new Set(['TYPE_CALL', 'TYPE_CAMPAIGN_CALL', 'TYPE_CAMPAIGN_MANUAL_CALL', 'TYPE_IVR_CALL', 'TYPE_CUSTOM_CALL'])
const VOICEMAIL_TYPES = new Set(['TYPE_CAMPAIGN_VOICEMAIL'])

/** The text of a body for a one-line preview, read from its start only. */
function previewText(body: string, html: boolean): string {
  const source = body.slice(0, SOURCE_LIMIT)
  return collapse(cleanText(html ? htmlToText(source) : source))
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
  const text = previewText(body, EMAIL_TYPES.has(type))
  if (text) return { kind: 'text', text }
  if (VOICEMAIL_TYPES.has(type)) return { kind: 'voicemail', text: 'Voicemail' }
  if (CALL_TYPES.has(type)) {
    return { kind: 'call', text: conversation.lastMessageDirection === 'outbound' ? 'Outgoing call' : 'Incoming call' }
  }
  return { kind: 'empty', text: 'No message text' }
}
