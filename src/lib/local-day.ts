/**
 * `startDate`/`endDate` are epoch milliseconds; people pick local calendar days.
 * A day `YYYY-MM-DD` covers local midnight to 23:59:59.999, both ends inclusive.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function localDate(day: string): Date | undefined {
  const match = DAY.exec(day)
  if (!match) return undefined
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const value = new Date(year, month - 1, date)
  // Reject days that Date silently rolls over (2026-02-31).
  return value.getFullYear() === year && value.getMonth() === month - 1 && value.getDate() === date ? value : undefined
}

/** Epoch ms of the local midnight that starts `day`. */
export function startOfLocalDay(day: string): number | undefined {
  return localDate(day)?.getTime()
}

/** Epoch ms of the last millisecond of `day`, local time. */
export function endOfLocalDay(day: string): number | undefined {
  const date = localDate(day)
  if (!date) return undefined
  date.setHours(23, 59, 59, 999)
  return date.getTime()
}

/** The local day (`YYYY-MM-DD`) an epoch ms falls on. */
export function toLocalDay(epochMs: number): string {
  const date = new Date(epochMs)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

/** A day as people read it, e.g. "3 Nov 2026". */
export function formatLocalDay(epochMs: number): string {
  return dayFormat.format(new Date(epochMs))
}
