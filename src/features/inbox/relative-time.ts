const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const sameYearDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
const otherYearDate = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' })
const spoken = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

export interface RelativeTime {
  /** What the row shows: "now", "5m", "3h", "2d", "Nov 2", "Nov 2, 2025". */
  short: string
  /** What a screen reader says: "5 minutes ago", or the date. */
  spoken: string
  /** The exact time, shown on hover. */
  exact: string
}

/** A message time relative to `now`, compact enough for a row. */
export function relativeTime(time: number, now: number): RelativeTime {
  const age = Math.max(0, now - time)
  const date = new Date(time)
  const exactText = exact.format(date)
  if (age < MINUTE) return { short: 'now', spoken: 'just now', exact: exactText }
  if (age < HOUR) return relative(Math.floor(age / MINUTE), 'm', 'minute', exactText)
  if (age < DAY) return relative(Math.floor(age / HOUR), 'h', 'hour', exactText)
  if (age < 7 * DAY) return relative(Math.floor(age / DAY), 'd', 'day', exactText)
  const format = date.getFullYear() === new Date(now).getFullYear() ? sameYearDate : otherYearDate
  const text = format.format(date)
  return { short: text, spoken: text, exact: exactText }
}

function relative(count: number, suffix: string, unit: Intl.RelativeTimeFormatUnit, exactText: string): RelativeTime {
  return { short: `${count}${suffix}`, spoken: spoken.format(-count, unit), exact: exactText }
}
