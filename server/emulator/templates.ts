import { createRandom, deriveSeed } from './random'
import { forbidden, json, unprocessable } from './responses'
import type { EmulatorState } from './state'
import type { LocationStore } from './store'

export const TEMPLATE_TYPES = ['sms', 'email', 'whatsapp'] as const
type TemplateType = (typeof TEMPLATE_TYPES)[number]

/** Demo templates with HighLevel's merge fields, some of which (`{{contact.company_name}}`) an app may not know. */
const TEXTS: { type: Exclude<TemplateType, 'email'>; name: string; body: string }[] = [
  { type: 'sms', name: 'Appointment reminder', body: 'Hi {{contact.first_name}}, this is {{user.name}} from {{location.name}}. Reminder: your appointment is tomorrow. Reply C to confirm or R to reschedule.' },
  { type: 'sms', name: 'Follow-up', body: 'Hi {{contact.first_name}}, just following up on your enquiry. Any questions? {{user.name}}, {{location.name}}' },
  { type: 'sms', name: 'Thank you', body: 'Thanks {{contact.name}}! We appreciate your business. {{location.name}}' },
  { type: 'sms', name: 'Review request', body: 'Hi {{contact.first_name}}, how did we do? A short review helps us a lot: https://reviews.example.com/{{location.id}}' },
  { type: 'sms', name: 'Missed call', body: 'Sorry we missed your call, {{contact.first_name}}! How can we help? {{location.name}}' },
  { type: 'sms', name: 'Invoice ready', body: 'Hi {{contact.first_name}}, your invoice from {{location.name}} is ready. Questions? Just reply to this message.' },
  { type: 'sms', name: 'Running late', body: 'Hi {{contact.first_name}}, {{user.first_name}} is running about 10 minutes late. Sorry for the wait!' },
  { type: 'sms', name: 'Company check-in', body: 'Hi {{contact.first_name}}, checking in on how things are going at {{contact.company_name}}.' },
  { type: 'whatsapp', name: 'WhatsApp welcome', body: 'Hello {{contact.first_name}} 👋 Thanks for messaging {{location.name}}. {{user.name}} will answer shortly.' },
  { type: 'whatsapp', name: 'WhatsApp booking', body: 'Hi {{contact.first_name}}, your booking with {{location.name}} is confirmed.' },
]

const EMAILS: { name: string; subject: string; html: string }[] = [
  { name: 'Quote', subject: 'Your quote from {{location.name}}', html: '<p>Hi {{contact.first_name}},</p><p>Thanks for your interest. Please find <strong>your quote</strong> attached.</p><p>Best regards,<br>{{user.name}}<br>{{location.name}}</p>' },
  { name: 'Welcome', subject: 'Welcome to {{location.name}}, {{contact.first_name}}!', html: '<p>Hi {{contact.name}},</p><p>Welcome aboard! Reply to this email if there is anything we can do.</p><p>{{user.name}}</p>' },
  { name: 'Appointment confirmation', subject: 'Your appointment is confirmed', html: '<p>Hi {{contact.first_name}},</p><p>Your appointment with {{user.name}} is confirmed.</p><ul><li>Where: {{location.name}}</li><li>Questions: just reply</li></ul>' },
  { name: 'Follow-up', subject: 'Following up', html: '<p>Hi {{contact.first_name}},</p><p>I wanted to follow up on our conversation. Do you have a few minutes this week?</p><p>{{user.name}}</p>' },
  { name: 'Invoice reminder', subject: 'A friendly reminder from {{location.name}}', html: '<p>Hi {{contact.first_name}},</p><p>This is a reminder that your invoice is due in 7 days.</p><p>Thank you,<br>{{location.name}}</p>' },
]

const DAY = 86_400_000
const KNOWN = ['originId', 'type', 'skip', 'limit', 'deleted']

/**
 * `GET /locations/{locationId}/templates?originId=&type=&skip=&limit=&deleted=`: the location's
 * demo templates, newest first, `{ templates, totalCount }` (the count before paging).
 * `originId` is required but unexplained by the spec: any non-empty value is accepted.
 */
export function listTemplates(state: EmulatorState, store: LocationStore, locationId: string, query: URLSearchParams): Response {
  const messages: string[] = []
  for (const name of new Set(query.keys())) if (!KNOWN.includes(name)) messages.push(`property ${name} should not exist`)
  if (!query.get('originId')) messages.push('originId should not be empty')
  const type = query.get('type')
  if (type !== null && !(TEMPLATE_TYPES as readonly string[]).includes(type)) {
    messages.push(`type must be one of the following values: ${TEMPLATE_TYPES.join(', ')}`)
  }
  const numberOf = (name: string, fallback: number): number => {
    const text = query.get(name)
    if (text === null) return fallback
    if (!/^\d+$/.test(text)) messages.push(`${name} must be a number string`)
    return Number(text)
  }
  const skip = numberOf('skip', 0)
  const limit = numberOf('limit', 25)
  const deleted = query.get('deleted')
  if (deleted !== null && deleted !== 'true' && deleted !== 'false') messages.push('deleted must be a boolean value')
  if (messages.length > 0) return unprocessable(messages)
  if (locationId !== store.location.id) return forbidden()
  // The demo location has no deleted templates.
  const all = deleted === 'true' ? [] : templatesOf(state, store).filter((template) => type === null || template.type === type)
  return json({ templates: all.slice(skip, skip + limit), totalCount: all.length })
}

function templatesOf(state: EmulatorState, store: LocationStore): Record<string, unknown>[] {
  const random = createRandom(deriveSeed(state.seed, `templates/${store.location.id}`))
  const locationId = store.location.id
  const dated = (index: number) => new Date(state.startedAt - (index + 1) * 3 * DAY - random.int(0, DAY)).toISOString()
  const texts = TEXTS.map(({ type, name, body }, index) => ({
    id: random.id(),
    name,
    type,
    template: { body, attachments: [] },
    urlAttachments: [],
    dateAdded: dated(index * 2),
    locationId,
  }))
  const emails = EMAILS.map(({ name, subject, html }, index) => ({
    id: random.id(),
    name,
    type: 'email',
    template: { subject, html, attachments: [] },
    dateAdded: dated(index * 2 + 1),
    locationId,
  }))
  return [...texts, ...emails].sort((a, b) => b.dateAdded.localeCompare(a.dateAdded))
}
