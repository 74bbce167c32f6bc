import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../api/schemas/conversation'
import { decodeEntities, htmlToText, messagePreview } from './message-preview'

const conversation = (fields: Partial<Conversation>): Conversation => ({
  id: 'c1',
  contactId: 'k1',
  locationId: 'l1',
  ...fields,
})

describe('htmlToText', () => {
  it('drops tags, styles, scripts and comments and keeps the words', () => {
    const html =
      '<!DOCTYPE html><html><head><style>p{color:red}</style></head><body><!-- hi --><p>Hello&nbsp;<b>Ana</b>,</p><script>alert(1)</script><p>see you</p></body></html>'
    expect(htmlToText(html)).toBe('Hello Ana, see you')
  })

  it('keeps encoded markup as visible text', () => {
    expect(htmlToText('<p>a &lt;b&gt; tag &amp; &#x1F600; &#8217;</p>')).toBe('a <b> tag & 😀 ’')
  })

  it('reads only the start of a huge body and survives a tag cut in half', () => {
    const huge = `<p>${'word '.repeat(200_000)}</p>`
    const text = htmlToText(huge)
    expect(text.length).toBeLessThanOrEqual(281)
    expect(htmlToText('<p>start</p><a href="http://exa')).toBe('start')
  })

  it('leaves unknown references and invalid code points alone', () => {
    expect(decodeEntities('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;')
  })
})

describe('messagePreview', () => {
  it('shows plain text bodies on one line', () => {
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_SMS', lastMessageBody: 'a\n\n  b' }))).toEqual({
      kind: 'text',
      text: 'a b',
    })
  })

  it('does not treat text messages as HTML', () => {
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_SMS', lastMessageBody: 'I <3 you <b>' })).text).toBe(
      'I <3 you <b>',
    )
  })

  it('names calls and voicemails that have no body', () => {
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_CALL', lastMessageDirection: 'inbound' }))).toEqual({
      kind: 'call',
      text: 'Incoming call',
    })
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_IVR_CALL', lastMessageDirection: 'outbound', lastMessageBody: '' })).text).toBe(
      'Outgoing call',
    )
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_CAMPAIGN_VOICEMAIL', lastMessageBody: ' ' })).kind).toBe('voicemail')
  })

  it('says so when there is nothing to show', () => {
    expect(messagePreview(conversation({ lastMessageType: 'TYPE_EMAIL', lastMessageBody: '<p> </p>' })).kind).toBe('empty')
  })
})
