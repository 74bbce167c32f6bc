import { z } from 'zod/mini'

/** The template kinds `GET /locations/{locationId}/templates` filters by. */
export const TEMPLATE_TYPES = ['sms', 'email', 'whatsapp'] as const
export type TemplateType = (typeof TEMPLATE_TYPES)[number]

/**
 * A template: SMS ones carry `template.body`, email ones `template.subject` and `template.html`.
 * Both shapes are read by one tolerant schema, and `type` stays a string.
 */
export const templateSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.nullish(z.string()),
  type: z.nullish(z.string()),
  template: z.nullish(
    z.looseObject({
      body: z.nullish(z.string()),
      subject: z.nullish(z.string()),
      html: z.nullish(z.string()),
    }),
  ),
  dateAdded: z.nullish(z.string()),
})
export type Template = z.infer<typeof templateSchema>

/** Items are parsed one by one (see `listTemplates`): one odd template does not hide the others. */
export const templatesResponseSchema = z.looseObject({
  templates: z.array(z.unknown()),
  totalCount: z.nullish(z.number()),
})
