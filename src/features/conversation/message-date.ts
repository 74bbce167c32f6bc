const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** An ISO date as the reader's local date and time, or undefined when it is not a date. */
export function formatMessageDate(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined
  const time = Date.parse(iso)
  return Number.isNaN(time) ? undefined : DATE_TIME.format(time)
}
