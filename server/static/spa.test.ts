import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { testServer } from '../test-support/test-server.ts'
import { chooseEncoding, encodedStream } from './spa.ts'

const HTML = { accept: 'text/html,application/xhtml+xml' }

describe('serving the built app', () => {
  it('serves index.html for app routes, never cached', async () => {
    const { request } = testServer()
    for (const path of ['/', '/conversations/abc123', '/some/deep/route?x=1']) {
      const response = await request(path, { headers: HTML })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(await response.text()).toContain('<title>Inbox</title>')
    }
  })

  it('serves hashed assets with a long cache and other files revalidated', async () => {
    const { request } = testServer()
    const asset = await request('/assets/index-abc123.js')
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const icon = await request('/favicon.svg')
    expect(icon.headers.get('content-type')).toBe('image/svg+xml')
    expect(icon.headers.get('cache-control')).toBe('no-cache')
  })

  it('sends text compressed to browsers that accept it: Brotli, else gzip, else as is', async () => {
    const { request } = testServer()
    const body = async (response: Response) => Buffer.from(await response.arrayBuffer())

    const br = await request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toBe('accept-encoding')
    expect(brotliDecompressSync(await body(br)).toString()).toBe('console.log("inbox")')

    const gz = await request('/', { headers: { ...HTML, 'accept-encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await body(gz)).toString()).toContain('<title>Inbox</title>')

    const plain = await request('/assets/index-abc123.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('accept-encoding')
    expect(await plain.text()).toBe('console.log("inbox")')
  })

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip')
    expect(chooseEncoding('BR')).toBe('br')
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('*;q=0, identity')).toBeUndefined()
    expect(chooseEncoding('identity')).toBeUndefined()
    expect(chooseEncoding('')).toBeUndefined()
    expect(chooseEncoding(null)).toBeUndefined()
  })

  it('answers a missing file that is not a page with a JSON 404', async () => {
    const response = await testServer().request('/assets/missing.js')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ statusCode: 404, message: 'Not found: /assets/missing.js', error: 'Not Found' })
  })

  it('does not serve files outside dist or hidden files', async () => {
    const { request } = testServer()
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/.env', '/assets/%00.js']) {
      const response = await request(path)
      expect(response.status).toBe(404)
    }
  })

  it('never falls back to the page for /api or /config.json', async () => {
    const { request } = testServer()
    expect((await request('/api', { headers: HTML })).headers.get('content-type')).toContain('application/json')
    expect((await request('/config.json', { method: 'POST', headers: HTML })).status).toBe(405)
  })

  it('says to run the build when dist/ is missing, without a stack trace', async () => {
    const { request } = testServer({ distDir: '/nonexistent/dist' })
    const page = await request('/', { headers: HTML })
    expect(page.status).toBe(503)
    const text = await page.text()
    expect(text).toContain('npm run build')
    expect(text).not.toMatch(/at .*\(.*:\d+:\d+\)/)
    const json = await request('/assets/index.js')
    expect(await json.json()).toMatchObject({ statusCode: 503, message: 'The app is not built: run `npm run build`' })
  })

  it('puts the security headers on every answer', async () => {
    const { request } = testServer()
    for (const path of ['/', '/assets/index-abc123.js', '/config.json', '/api/nope', '/api/users/']) {
      const response = await request(path, { headers: HTML })
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self'")
      // No inline script nor style sheet; only `style` attributes (the server-rendered rows' positions).
      const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]))
      expect(directives.get('script-src')).toEqual(["'self'"])
      expect(directives.get('style-src')).toEqual(["'self'"])
      expect(directives.get('style-src-attr')).toEqual(["'unsafe-inline'"])
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  describe('a page sent as its parts come (encodedStream)', () => {
    /** Parts given out one by one: the second only once `release` is called. */
    function heldParts() {
      let release: () => void = () => {}
      const held = new Promise<void>((resolve) => {
        release = resolve
      })
      async function* parts() {
        yield '<head>the head</head>'
        await held
        yield '<body>the rows</body>'
      }
      return { parts: parts(), release }
    }
    const decoders = { br: createBrotliDecompress, gzip: createGunzip }

    it.each([['br'], ['gzip'], ['identity']] as const)('sends the head before the rest is made, then all of it (%s)', async (encoding) => {
      const { parts, release } = heldParts()
      const response = encodedStream(new Request('http://inbox.test/', { headers: { 'accept-encoding': encoding } }), parts, { 'content-type': 'text/html' })
      expect(response.headers.get('content-encoding')).toBe(encoding === 'identity' ? null : encoding)
      const reader = response.body?.getReader()
      if (!reader) throw new Error('no body')
      const decoder = encoding === 'identity' ? undefined : decoders[encoding]()
      const text: string[] = []
      decoder?.on('data', (chunk: Buffer) => text.push(chunk.toString()))
      /** Reads chunks until the decoded text holds `expected` (the compressor may give a part in more than one chunk). */
      const readUntil = async (expected: string) => {
        while (!text.join('').includes(expected)) {
          const { value, done } = await reader.read()
          if (done) throw new Error(`the body ended before "${expected}"`)
          if (decoder) await new Promise<void>((resolve) => decoder.write(value, () => setImmediate(resolve)))
          else text.push(Buffer.from(value).toString())
        }
      }
      await readUntil('</head>')
      expect(text.join('')).toBe('<head>the head</head>')
      release()
      await readUntil('</body>')
      // The end: the compressor's last bytes, and a stream its decoder reads to the end without an error.
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        if (decoder) decoder.write(next.value)
        else text.push(Buffer.from(next.value).toString())
      }
      if (decoder) await new Promise((resolve, reject) => decoder.once('error', reject).end(resolve))
      expect(text.join('')).toBe('<head>the head</head><body>the rows</body>')
    })
  })
})
