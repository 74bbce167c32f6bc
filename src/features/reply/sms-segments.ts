/**
 * How an SMS is billed: GSM 03.38 text packs 160 septets into one message (153 per part once it
 * is split, the rest holds the concatenation header); anything outside that alphabet makes the
 * whole text UCS-2, 70 UTF-16 units (67 per part). Extension-table characters cost two septets,
 * and phones never split such a pair, nor a UTF-16 surrogate pair, across two parts.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const GSM_EXTENSION = '\f^{}\\[~]|€'

const BASIC = new Set(GSM_BASIC)
const EXTENSION = new Set(GSM_EXTENSION)

export type SmsEncoding = 'GSM-7' | 'UCS-2'

export const SMS_LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const satisfies Record<SmsEncoding, { single: number; part: number }>

export interface SmsCount {
  encoding: SmsEncoding
  /** Characters as a person counts them (code points). */
  characters: number
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  units: number
  segments: number
  /** Units left in the last segment before another one starts. */
  remaining: number
}

/** Whether every character is in the GSM-7 alphabet or its extension table. */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return false
  return true
}

/** What each character costs, in the text's encoding: 1 or 2 (an escape pair or a surrogate pair). */
function unitCosts(text: string, encoding: SmsEncoding): number[] {
  return Array.from(text, (char) => (encoding === 'GSM-7' ? (EXTENSION.has(char) ? 2 : 1) : char.length))
}

export function countSms(text: string): SmsCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2'
  const costs = unitCosts(text, encoding)
  const units = costs.reduce((sum, cost) => sum + cost, 0)
  const { single, part } = SMS_LIMITS[encoding]
  if (units <= single) {
    return { encoding, characters: costs.length, units, segments: units === 0 ? 0 : 1, remaining: single - units }
  }
  let segments = 1
  let used = 0
  for (const cost of costs) {
    if (used + cost > part) {
      segments++
      used = 0
    }
    used += cost
  }
  return { encoding, characters: costs.length, units, segments, remaining: part - used }
}
