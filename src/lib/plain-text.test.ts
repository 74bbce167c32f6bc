import { describe, expect, it } from 'vitest'
import { cleanLine, cleanText, decodeEntities, htmlToText } from './plain-text'

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

describe('htmlToText on email bodies', () => {
  it('drops tags, styles, scripts and comments and keeps the words', () => {
    const html =
      '<!DOCTYPE html><html><head><style>p{color:red}</style></head><body><!-- hi --><p>Hello&nbsp;<b>Ana</b>,</p><script>alert(1)</script><p>see you</p></body></html>'
    expect(htmlToText(html)).toBe('Hello\u00a0Ana,\n\nsee you')
  })

  it('keeps encoded markup as visible text', () => {
    expect(htmlToText('<p>a &lt;b&gt; tag &amp; &#x1F600; &#8217;</p>')).toBe('a <b> tag & 😀 ’')
  })

  it('survives a tag cut in half', () => {
    expect(htmlToText('<p>start</p><a href="http://exa')).toBe('start')
  })

  it('leaves unknown references alone', () => {
    expect(decodeEntities('&bogus; &amp;')).toBe('&bogus; &')
  })
})
