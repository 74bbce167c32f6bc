import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AppConfig } from '../../src/api/schemas/config.ts'
import type { FirstScreen } from '../../src/app/first-screen.ts'
import { FIRST_SCREEN_ELEMENT_ID } from '../../src/app/first-screen-id.ts'
import { encodedStream } from '../static/spa.ts'
import { mayReadUpstream, readFirstPage, scriptSafeJson, sharesZone, storageFromCookie, type FirstPageRead } from './first-screen.ts'

/** What dist/.server/entry-server.js (built from src/entry-server.tsx) offers. */
export interface ServerEntry {
  renderApp(url: string, firstScreen: FirstScreen): Promise<string>
  firstPageRequest(search: string): string
}

/** The pages that show the inbox (src/lib/paths.ts): any other path renders "no such page", which needs no rows. */
const APP_PAGE = /^\/(?:conversations\/[^/]+)?$/

export const APP_HTML_MARK = '<!--app-html-->'
export const FIRST_SCREEN_MARK = '<!--first-screen-->'

export interface PageRendererOptions {
  distDir: string
  config: AppConfig
  /** The longest wait for HighLevel's first page (`FIRST_PAGE_WAIT_MS`). */
  firstPageWaitMs: number
  log: (line: string) => void
  now?: () => number
  /** Where the render comes from; by default dist/.server/entry-server.js (tests pass src/entry-server.tsx). */
  loadEntry?: (() => Promise<ServerEntry | undefined>) | undefined
}

/** The context of a page request the renderer needs: how to read `/api` for its client, and its origin. */
export interface PageRequest {
  request: Request
  /** Reads an `/api` path through the shared read, gateway, pinning and pacing, for this request's client. */
  read: FirstPageRead
}

/**
 * The app's pages rendered on the server: index.html with the app's HTML for the URL in `#root`
 * and what it was rendered with in `#first-screen` (see docs/server.md, "The first screen").
 * Undefined when the app is not built with its server render (the plain index.html is served).
 */
export function createPageRenderer(options: PageRendererOptions): (page: PageRequest) => Promise<Response | undefined> {
  const root = resolve(options.distDir)
  const now = options.now ?? Date.now
  let built: { version: string; module: Promise<ServerEntry> } | undefined
  const loadBuiltEntry = async (): Promise<ServerEntry | undefined> => {
    const file = join(root, '.server', 'entry-server.js')
    const info = await stat(file).catch(() => undefined)
    if (!info) return undefined
    const version = `${info.size}:${info.mtimeMs}`
    if (built?.version !== version) built = { version, module: import(`${pathToFileURL(file).href}?v=${version}`) as Promise<ServerEntry> }
    return built.module
  }
  const loadEntry = options.loadEntry ?? loadBuiltEntry

  return async ({ request, read }) => {
    const [entry, template] = await Promise.all([
      // A server render that cannot be loaded (a half-written build, say): index.html as built.
      loadEntry().catch((error: unknown) => {
        options.log(`error: loading the server render: ${error instanceof Error ? error.message : String(error)}`)
        return undefined
      }),
      readFile(join(root, 'index.html'), 'utf8').catch(() => undefined),
    ])
    if (!entry || !template?.includes(APP_HTML_MARK) || !template.includes(FIRST_SCREEN_MARK)) return undefined
    const url = new URL(request.url)
    const at = template.indexOf(APP_HTML_MARK)
    const head = template.slice(0, at)
    const tail = template.slice(at + APP_HTML_MARK.length)
    const firstScreen: FirstScreen = {
      now: now(),
      origin: url.origin,
      storage: storageFromCookie(request.headers.get('cookie')),
      config: options.config,
    }
    // Rows only for the app's pages, and a browser that would draw them as this server does (dates, counts).
    const readsRows = APP_PAGE.test(url.pathname) && mayReadUpstream(request.headers) && sharesZone(request.headers.get('cookie'))
    const server = entry
    const firstPage = readsRows ? readFirstPage(read, server.firstPageRequest(url.search), options.firstPageWaitMs) : undefined
    async function* page(): AsyncGenerator<string> {
      // The head at once: the browser fetches the scripts and styles it names while HighLevel is asked for the rows.
      yield head
      if (firstPage) firstScreen.firstPage = await firstPage
      // The answer's time, not the request's: the rows' relative times are counted from it.
      firstScreen.now = now()
      let appHtml: string
      try {
        appHtml = await server.renderApp(url.pathname + url.search, firstScreen)
      } catch (error) {
        // The rest of index.html as built: the browser renders the page itself, as it did before the server could.
        options.log(`error: rendering ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`)
        yield tail.replace(FIRST_SCREEN_MARK, '')
        return
      }
      yield appHtml + tail.replace(FIRST_SCREEN_MARK, () => `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${scriptSafeJson(firstScreen)}</script>`)
    }
    // What was read for one person is theirs: kept by no cache, and varying with their cookie.
    return encodedStream(request, page(), {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'accept-encoding, cookie',
    })
  }
}
