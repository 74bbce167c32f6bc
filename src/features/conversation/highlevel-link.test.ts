import { describe, expect, it } from 'vitest'
import { highLevelConversationUrl } from './highlevel-link'

describe('highLevelConversationUrl', () => {
  it('builds the link under the (possibly white-label) app URL', () => {
    expect(highLevelConversationUrl('https://app.example-agency.com/', 'loc1', 'c 1')).toBe(
      'https://app.example-agency.com/v2/location/loc1/conversations/conversations/c%201',
    )
  })

  it('gives no link without a usable base or location', () => {
    expect(highLevelConversationUrl(undefined, 'loc1', 'c1')).toBeUndefined()
    expect(highLevelConversationUrl('javascript:alert(1)', 'loc1', 'c1')).toBeUndefined()
    expect(highLevelConversationUrl('https://app.gohighlevel.com', '', 'c1')).toBeUndefined()
  })
})
