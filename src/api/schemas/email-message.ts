import { z } from 'zod/mini'

/** `GET /conversations/messages/email/{id}`: one email, read for its subject and thread. */
export const emailMessageSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  threadId: z.nullish(z.string()),
  subject: z.nullish(z.string()),
  direction: z.nullish(z.string()),
  replyToMessageId: z.nullish(z.string()),
  dateAdded: z.nullish(z.string()),
})
export type EmailMessage = z.infer<typeof emailMessageSchema>

/** The spec answers the email itself; some answers wrap it in `emailMessage`. Both are read. */
export const emailMessageResponseSchema = z.union([
  z.pipe(
    z.looseObject({ emailMessage: emailMessageSchema }),
    z.transform((wrapped) => wrapped.emailMessage),
  ),
  emailMessageSchema,
])
