import type { Stats } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib'
import { jsonError } from '../http/json-error.ts'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Text is sent compressed to browsers that accept it; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt'])

type Encoding = 'br' | 'gzip'

const ENCODERS: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  // Quality 6: within a few percent of the best for the app's scripts, in tens of milliseconds.
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
}

/** The best encoding `Accept-Encoding` allows: Brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | null): Encoding | undefined {
  const accepted = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
    accepted.set(name, q === undefined ? 1 : Number(q))
  }
  const allows = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  return allows('br') ? 'br' : allows('gzip') ? 'gzip' : undefined
}

/**
 * Each file's body as read and as encoded, computed once per version of the file (its size and
 * modification time), so a busy server compresses each asset once.
 */
const bodies = new Map<string, { version: string; encoded: Map<Encoding | 'identity', Promise<Buffer>> }>()

function bodyOf(file: string, info: Stats, encoding: Encoding | undefined): Promise<Buffer> {
  const version = `${info.size}:${info.mtimeMs}`
  let entry = bodies.get(file)
  if (entry?.version !== version) {
    entry = { version, encoded: new Map() }
    bodies.set(file, entry)
  }
  const key = encoding ?? 'identity'
  let body = entry.encoded.get(key)
  if (!body) {
    const raw = readFile(file)
    body = encoding ? raw.then(ENCODERS[encoding]) : raw
    // A failed read is not kept: the next request tries again.
    body.catch(() => entry.encoded.delete(key))
    entry.encoded.set(key, body)
  }
  return body
}

/** Vite puts a content hash in every `/assets/*` name, so those never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Anything else (index.html above all) must be revalidated to pick up a new build. */
const REVALIDATE = 'no-cache'

const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inbox not built</title></head>
<body><h1>The inbox app has not been built yet</h1>
<p>Run <code>npm run build</code> and reload, or start with <code>npm start</code>, which builds first.</p>
</body></html>`

function wantsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html')
}

/** The file under `root` for this URL path, or undefined if the path would leave it. */
function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return undefined
  const file = resolve(root, `.${decoded}`)
  return file.startsWith(root + sep) ? file : undefined
}

async function fileResponse(request: Request, file: string, info: Stats, cacheControl: string): Promise<Response> {
  const extension = extname(file)
  const type = CONTENT_TYPES[extension] ?? 'application/octet-stream'
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': cacheControl }
  let encoding: Encoding | undefined
  if (COMPRESSIBLE.has(extension)) {
    headers.vary = 'accept-encoding'
    encoding = chooseEncoding(request.headers.get('accept-encoding'))
    if (encoding) headers['content-encoding'] = encoding
  }
  return new Response(new Uint8Array(await bodyOf(file, info, encoding)), { headers })
}

/**
 * A page made on the fly, sent part by part as each is ready (a rendered page: its head at once,
 * its rows once HighLevel has answered), compressed as `Accept-Encoding` allows. Each part is
 * flushed through the compressor, so the browser has it, and can fetch the scripts and styles
 * the head names, while the next is still being made.
 */
export function encodedStream(request: Request, parts: AsyncIterable<string>, headers: Record<string, string>): Response {
  const encoding = chooseEncoding(request.headers.get('accept-encoding'))
  // A page is made once: the fast settings, not the ones for assets compressed once per build.
  const encoder =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : encoding === 'gzip'
        ? createGzip({ level: 6 })
        : undefined
  let cancelled = false
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = async (write: (bytes: Buffer) => void) => {
        for await (const part of parts) {
          if (cancelled) return
          if (part.length > 0) write(Buffer.from(part))
        }
      }
      if (!encoder) {
        send((bytes) => controller.enqueue(new Uint8Array(bytes))).then(
          () => cancelled || controller.close(),
          (error: unknown) => cancelled || controller.error(error),
        )
        return
      }
      const flushKind = encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH
      encoder.on('data', (chunk: Buffer) => cancelled || controller.enqueue(new Uint8Array(chunk)))
      encoder.once('end', () => cancelled || controller.close())
      encoder.once('error', (error) => cancelled || controller.error(error))
      send((bytes) => {
        encoder.write(bytes)
        encoder.flush(flushKind)
      }).then(
        () => cancelled || encoder.end(),
        (error: unknown) => encoder.destroy(error instanceof Error ? error : new Error(String(error))),
      )
    },
    cancel() {
      // The browser went away: nothing more is compressed or sent (the render itself runs to its end).
      cancelled = true
      encoder?.destroy()
    },
  })
  return new Response(body, { headers: encoding ? { ...headers, 'content-encoding': encoding } : headers })
}

async function fileInfo(file: string): Promise<Stats | undefined> {
  return stat(file).then((info) => (info.isFile() ? info : undefined), () => undefined)
}

/** Makes a page for a request (server/ssr/render-page.ts); undefined: serve index.html as built. */
export type RenderPage = (request: Request) => Promise<Response | undefined>

/**
 * Serves the built app from `distDir`: its files, and for any other page the browser asks for
 * (`/`, `/conversations/<id>`) the page the request's `renderPage` makes, else `index.html` as
 * built, in which the app renders itself.
 */
export function createSpaHandler(distDir: string): (request: Request, renderPage?: RenderPage) => Promise<Response> {
  const root = resolve(distDir)
  const index = join(root, 'index.html')
  return async (request, renderPage) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return jsonError(405, `${request.method} is not allowed here`)
    const indexInfo = await fileInfo(index)
    if (!indexInfo) {
      if (!wantsHtml(request)) return jsonError(503, 'The app is not built: run `npm run build`')
      return new Response(NOT_BUILT_HTML, {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      })
    }
    const pathname = new URL(request.url).pathname
    const file = resolveInside(root, pathname)
    const info = file === undefined ? undefined : await fileInfo(file)
    if (file !== undefined && info !== undefined) {
      return fileResponse(request, file, info, pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE)
    }
    if (wantsHtml(request)) return (await renderPage?.(request)) ?? fileResponse(request, index, indexInfo, REVALIDATE)
    return jsonError(404, `Not found: ${pathname}`)
  }
}
