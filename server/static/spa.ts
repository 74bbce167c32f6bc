import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
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

async function fileResponse(file: string, cacheControl: string): Promise<Response> {
  const body = await readFile(file)
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
  return new Response(body, { headers: { 'content-type': type, 'cache-control': cacheControl } })
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isFile(), () => false)
}

/**
 * Serves the built app from `distDir`: its files, and `index.html` for any other page the
 * browser asks for (`/`, `/conversations/<id>`), since the app routes on the client.
 */
export function createSpaHandler(distDir: string): (request: Request) => Promise<Response> {
  const root = resolve(distDir)
  const index = join(root, 'index.html')
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return jsonError(405, `${request.method} is not allowed here`)
    if (!existsSync(index)) {
      if (!wantsHtml(request)) return jsonError(503, 'The app is not built: run `npm run build`')
      return new Response(NOT_BUILT_HTML, {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      })
    }
    const pathname = new URL(request.url).pathname
    const file = resolveInside(root, pathname)
    if (file !== undefined && (await isFile(file))) {
      return fileResponse(file, pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE)
    }
    if (wantsHtml(request)) return fileResponse(index, REVALIDATE)
    return jsonError(404, `Not found: ${pathname}`)
  }
}
