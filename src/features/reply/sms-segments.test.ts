import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countSms, isGsm7, SMS_LIMITS } from './sms-segments'

const gsmBasic = fc.constantFrom(...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#%&()*+,-./0129:;<=>?¡AZÄÖÑÜ§¿azäöñüà\n')
const gsmExtension = fc.constantFrom(...'^{}\\[~]|€')
const nonGsm = fc.constantFrom('😀', 'ç', 'ł', '“', 'ą', '中', '👍🏽')
const gsmText = fc.array(fc.oneof(gsmBasic, gsmExtension), { maxLength: 700 }).map((chars) => chars.join(''))
const basicText = fc.array(gsmBasic, { maxLength: 700 }).map((chars) => chars.join(''))

describe('countSms', () => {
  it('counts the usual cases', () => {
    expect(countSms('')).toMatchObject({ segments: 0, characters: 0, remaining: 160 })
    expect(countSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, remaining: 0 })
    expect(countSms('a'.repeat(161))).toMatchObject({ segments: 2, remaining: 153 * 2 - 161 })
    expect(countSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, characters: 80 })
    expect(countSms('ç')).toMatchObject({ encoding: 'UCS-2', segments: 1, remaining: 69 })
    expect(countSms('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1, characters: 35 })
    expect(countSms('a'.repeat(71 - 1) + 'ç')).toMatchObject({ encoding: 'UCS-2', segments: 2 })
  })

  it('never splits an escape pair across parts: 152 + € needs a third unit in part one', () => {
    expect(countSms('a'.repeat(152) + '€' + 'a'.repeat(10))).toMatchObject({ units: 164, segments: 2, remaining: 153 - 12 })
    expect(countSms('a'.repeat(152) + '€'.repeat(5))).toMatchObject({ units: 162, segments: 2, remaining: 153 - 10 })
  })

  it('GSM-7 text without extension characters takes ceil(length / 153) parts beyond 160', () => {
    fc.assert(
      fc.property(basicText, (text) => {
        const count = countSms(text)
        expect(count.encoding).toBe('GSM-7')
        expect(count.units).toBe(count.characters)
        const expected = text.length === 0 ? 0 : text.length <= 160 ? 1 : Math.ceil(text.length / 153)
        expect(count.segments).toBe(expected)
      }),
    )
  })

  it('any character outside GSM-7 makes the whole text UCS-2, counted in UTF-16 units', () => {
    fc.assert(
      fc.property(gsmText, nonGsm, fc.nat(), (text, odd, at) => {
        const position = at % (text.length + 1)
        const mixed = text.slice(0, position) + odd + text.slice(position)
        expect(isGsm7(mixed)).toBe(false)
        const count = countSms(mixed)
        expect(count.encoding).toBe('UCS-2')
        expect(count.units).toBe(mixed.length)
      }),
    )
  })

  it('the parts always hold the text, and no fewer would', () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, fc.string({ unit: 'grapheme', maxLength: 300 })), (text) => {
        const { encoding, units, segments, remaining } = countSms(text)
        const { single, part } = SMS_LIMITS[encoding]
        if (units === 0) {
          expect(segments).toBe(0)
          return
        }
        const capacity = segments === 1 ? single : segments * part
        expect(capacity).toBeGreaterThanOrEqual(units)
        // Pairs kept whole waste at most one unit per part.
        expect(segments === 1 || (segments - 1) * (part - 1) < units).toBe(true)
        expect(remaining).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('adding text never lowers the number of parts', () => {
    fc.assert(
      fc.property(gsmText, gsmText, (text, more) => {
        expect(countSms(text + more).segments).toBeGreaterThanOrEqual(countSms(text).segments)
      }),
    )
  })
})
