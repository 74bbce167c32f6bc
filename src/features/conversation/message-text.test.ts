import { describe, expect, it } from 'vitest'
import { cutText, messageText, safeHttpUrl } from './message-text'

describe('messageText', () => {
  it('reads HTML email as text, and leaves plain text alone', () => {
    expect(messageText('<p>Hi</p><p>there</p>', 'text/html', 'TYPE_EMAIL')).toBe('Hi\n\nthere')
    expect(messageText('2 < 3 and <b> stays', 'text/plain', 'TYPE_SMS')).toBe('2 < 3 and <b> stays')
  })

  it('treats an email that holds tags as HTML even without a content type', () => {
    expect(messageText('<div>Hi</div>', null, 'TYPE_EMAIL')).toBe('Hi')
  })

  it('has nothing to show for a missing body', () => {
    expect(messageText(undefined)).toBe('')
  })
})

describe('cutText', () => {
  it('leaves short text whole', () => {
    expect(cutText('short', 10)).toEqual({ shown: 'short', omitted: 0 })
  })

  it('cuts long text and never splits an emoji', () => {
    expect(cutText('abcdef', 4)).toEqual({ shown: 'abcd', omitted: 2 })
    expect(cutText('abc😀def', 4)).toEqual({ shown: 'abc', omitted: 5 })
  })
})

describe('safeHttpUrl', () => {
  it('accepts http and https only', () => {
    expect(safeHttpUrl('https://example.com/a.jpg')).toBe('https://example.com/a.jpg')
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeHttpUrl(' JaVaScRiPt:alert(1)')).toBeUndefined()
    expect(safeHttpUrl('data:text/html,<script>')).toBeUndefined()
    expect(safeHttpUrl('not a url')).toBeUndefined()
    expect(safeHttpUrl(undefined)).toBeUndefined()
  })
})
