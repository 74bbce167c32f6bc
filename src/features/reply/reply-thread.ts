import { useQuery } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { emailQueries } from '../../api/get-email'
import type { Message } from '../../api/schemas/message'

/** What an email reply threads on, and the subject it answers. */
export interface EmailThread {
  subject: string | undefined
  replyMessageId: string | undefined
  threadId: string | undefined
  /** The subject is still being fetched. */
  loading: boolean
}

/** The list's email messages may carry `meta.email.messageIds` (the emails of the thread) and a subject. */
const emailMetaSchema = z.looseObject({
  subject: z.optional(z.string()),
  meta: z.optional(
    z.looseObject({
      email: z.optional(z.looseObject({ messageIds: z.optional(z.array(z.string())), subject: z.optional(z.string()) })),
    }),
  ),
})

/** The email being answered: the customer's newest email, else the newest email at all. */
export function emailBeingAnswered(messages: readonly Message[]): Message | undefined {
  const emails = messages.filter((message) => message.messageType === 'TYPE_EMAIL')
  return emails.find((message) => message.direction === 'inbound') ?? emails[0]
}

/** "Re: " + the subject, once ("Re: Re:" is not added to). */
export function replySubject(subject: string | undefined): string {
  const clean = subject?.trim() ?? ''
  if (!clean) return ''
  return /^re:/i.test(clean) ? clean : `Re: ${clean}`
}

/**
 * The subject and threading ids of an email reply. The subject is read from the message list
 * when it carries one, else fetched by email id (`GET /conversations/messages/email/{id}`).
 */
export function useEmailThread(messages: readonly Message[], enabled: boolean): EmailThread {
  const email = emailBeingAnswered(messages)
  const meta = email ? emailMetaSchema.safeParse(email).data : undefined
  const listedSubject = meta?.subject ?? meta?.meta?.email?.subject
  const emailId = email ? (meta?.meta?.email?.messageIds?.at(-1) ?? email.id) : undefined
  const query = useQuery({
    ...emailQueries.byId(emailId ?? ''),
    enabled: enabled && emailId !== undefined && listedSubject === undefined,
  })
  return {
    subject: listedSubject ?? query.data?.subject ?? undefined,
    replyMessageId: query.data?.id ?? emailId,
    threadId: query.data?.threadId ?? email?.id,
    loading: query.isLoading,
  }
}
