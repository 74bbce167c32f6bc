import { z } from 'zod/mini'

/**
 * The channels `POST /conversations/messages` can answer from the inbox. The spec also lists
 * `RCS`, `Custom` and `TIKTOK`; those need a provider set up in HighLevel, so the app does not offer them.
 */
export const SEND_TYPES = ['SMS', 'Email', 'WhatsApp', 'FB', 'IG', 'Live_Chat'] as const
export type SendType = (typeof SEND_TYPES)[number]

/** The message type a reply sent on each channel shows as in the thread (and in the list). */
const SENT_MESSAGE_TYPES: Readonly<Record<SendType, string>> = {
  SMS: 'TYPE_SMS',
  Email: 'TYPE_EMAIL',
  WhatsApp: 'TYPE_WHATSAPP',
  FB: 'TYPE_FACEBOOK',
  IG: 'TYPE_INSTAGRAM',
  Live_Chat: 'TYPE_LIVE_CHAT',
}

export function messageTypeFor(type: SendType): string {
  return SENT_MESSAGE_TYPES[type]
}

/** Bounds the server also checks: longer bodies are refused before they reach HighLevel. */
export const MAX_MESSAGE_CHARS = 16_000
export const MAX_HTML_CHARS = 256_000

/**
 * What the app sends. HighLevel's spec marks `subType` and `status` required, but its own
 * examples send neither, and neither do we.
 */
export const sendMessageBodySchema = z.object({
  type: z.enum(SEND_TYPES),
  contactId: z.string().check(z.minLength(1)),
  message: z.string().check(z.maxLength(MAX_MESSAGE_CHARS)),
  subject: z.optional(z.string().check(z.maxLength(998))),
  html: z.optional(z.string().check(z.maxLength(MAX_HTML_CHARS))),
  replyMessageId: z.optional(z.string()),
  threadId: z.optional(z.string()),
})
export type SendMessageBody = z.infer<typeof sendMessageBodySchema>

/** HighLevel's answer: `messageId` (GMB answers `messageIds` instead), and for email `emailMessageId`. */
export const sendMessageResponseSchema = z.looseObject({
  conversationId: z.nullish(z.string()),
  messageId: z.nullish(z.string()),
  messageIds: z.nullish(z.array(z.string())),
  emailMessageId: z.nullish(z.string()),
  status: z.nullish(z.string()),
  msg: z.nullish(z.string()),
})
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>
