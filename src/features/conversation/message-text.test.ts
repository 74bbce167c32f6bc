import { describe, expect, it } from 'vitest'
import { cleanLine, cleanText, cutText, htmlToText, messageText, safeHttpUrl } from './message-text'

describe('htmlToText', () => {
  it('keeps the words and the paragraph breaks, and drops scripts, styles and comments', () => {
    const html = `<html><head><title>T</title><style>p{color:red}</style></head><body>
      <p>Hello&nbsp;<b>Ana</b>,</p><!-- tracking --><script>alert(1)</script>
      <div>Line one<br>Line two</div><img src=x onerror="alert(2)"></body></html>`
    expect(htmlToText(html)).toBe('Hello\u00a0Ana,\n\nLine one\nLine two')
  })

  it('decodes entities into text, so escaped markup reads as the characters it stands for', () => {
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x1F600; &#128512; &bogus;')).toBe(
      '<script>alert(1)</script> & 😀 😀 &bogus;',
    )
  })

  it('turns impossible character references into the replacement character', () => {
    expect(htmlToText('a&#0;b&#xD800;c&#99999999;')).toBe('a\ufffdb\ufffdc\ufffd')
  })

  it('copes with an unclosed comment and attributes holding ">"', () => {
    expect(htmlToText('<a href="x" title="a>b">link</a> <p class=\'x>y\'>text</p> <!-- never closed')).toBe(
      'link\ntext',
    )
  })
})

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

describe('cleanText and cleanLine', () => {
  it('removes control characters and bidi overrides but keeps newlines, tabs, emoji and RTL text', () => {
    expect(cleanText('a\u0000b\u0007c\r\nd\te\u202Ef\u2067g 👩‍👩‍👧 שלום')).toBe('abc\nd\tefg 👩‍👩‍👧 שלום')
  })

  it('turns every kind of line end into a newline', () => {
    expect(cleanText('one\r\ntwo\rthree\u2028four\u2029end')).toBe('one\ntwo\nthree\nfour\nend')
  })

  it('makes a name one line', () => {
    expect(cleanLine('  Ana\n\u0000María   López ')).toBe('Ana María López')
    expect(cleanLine(null)).toBe('')
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
