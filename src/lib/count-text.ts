const full = new Intl.NumberFormat()
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 })

/** Where a count stops fitting a status tab and is shown as "120K". */
const COMPACT_FROM = 100_000

/** A whole number as every count in the app shows it: "2,345". */
export function formatNumber(count: number): string {
  return full.format(count)
}

/** "1 request", "2,345 requests": a number with its noun, singular for exactly one. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${full.format(count)} ${count === 1 ? one : many}`
}

/** "1 conversation", "2,345 conversations". */
export function formatCount(count: number): string {
  return countOf(count, 'conversation')
}

/** A bare number short enough for a narrow tab: "2,345", "120K". */
export function formatShortCount(count: number): string {
  return count < COMPACT_FROM ? full.format(count) : compact.format(count)
}
