/** `TYPE_ACTIVITY_APPOINTMENT` → `Activity appointment`; SMS and friends stay capitals. */
export function messageTypeLabel(messageType: string | null | undefined): string {
  if (!messageType) return 'Message'
  const words = messageType.replace(/^TYPE_/, '').toLowerCase().split('_')
  const label = words
    .map((word) => (['sms', 'rcs', 'gmb', 'ivr'].includes(word) ? word.toUpperCase() : word))
    .join(' ')
  return label.charAt(0).toUpperCase() + label.slice(1)
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** An ISO date as the reader's local date and time, or undefined when it is not a date. */
export function formatMessageDate(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined
  const time = Date.parse(iso)
  return Number.isNaN(time) ? undefined : DATE_TIME.format(time)
}

/** `GET /conversations/{id}` numbers the channel; search results name it. */
const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  '1': 'Phone',
  '2': 'Email',
  '3': 'Facebook Messenger',
  '4': 'Review',
  '5': 'Group SMS',
  '6': 'Internal chat',
  TYPE_PHONE: 'Phone',
  TYPE_EMAIL: 'Email',
  TYPE_FB_MESSENGER: 'Facebook Messenger',
  TYPE_REVIEW: 'Review',
  TYPE_GROUP_SMS: 'Group SMS',
}

export function channelLabel(type: string | number | null | undefined): string | undefined {
  if (type === null || type === undefined) return undefined
  return CHANNEL_LABELS[String(type)] ?? String(type)
}
