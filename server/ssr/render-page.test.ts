import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FirstScreen } from '../../src/app/first-screen.ts'
import { LOCATION_ID, recordingUpstream, testServer } from '../test-support/test-server.ts'
import { APP_HTML_MARK, FIRST_SCREEN_MARK } from './render-page.ts'

/** A built app as `npm run build` leaves it, but rendering from the source (no build needed). */
function distWithMarks(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-ssr-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><script src="/theme.js"></script></head><body><div id="root">${APP_HTML_MARK}</div>${FIRST_SCREEN_MARK}<script type="module" src="/assets/index-abc123.js"></script></body></html>`,
  )
  return dir
}
const DIST = distWithMarks()
const renderEntry = () => import('../../src/entry-server.tsx')

const HOSTILE_NAME = '</script><script>alert(1)</script>'
const HOSTILE_BODY = 'hi <!-- there \u2028 </SCRIPT> <img src=x onerror=alert(2)>'
const conversation = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  contactId: `contact-${id}`,
  locationId: LOCATION_ID,
  fullName: `Person ${id}`,
  lastMessageBody: `Message of ${id}`,
  lastMessageDate: Date.now() - 3_600_000,
  type: 'TYPE_PHONE',
  unreadCount: 1,
  sort: [Date.now() - 3_600_000],
  ...overrides,
})
const searchAnswer = () =>
  Response.json({ conversations: [conversation('conv-1', { fullName: HOSTILE_NAME, lastMessageBody: HOSTILE_BODY }), conversation('conv-2')], total: 2 })

/** A page request as a browser sends it when the address was typed (or a bookmark opened). */
const TYPED = { accept: 'text/html', 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }

function server(respond: (request: Request) => Response | Promise<Response>, firstPageWaitMs = 1000) {
  const upstream = recordingUpstream(respond)
  const test = testServer({ distDir: DIST, renderEntry, upstream, firstPageWaitMs })
  const searches = () => upstream.requests.filter((request) => new URL(request.url).pathname.endsWith('/conversations/search'))
  return { ...test, searches }
}

async function page(response: Response): Promise<{ html: string; firstScreen: FirstScreen; scripts: string[] }> {
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/html')
  const html = await response.text()
  const json = /<script type="application\/json" id="first-screen">([^<]*)<\/script>/.exec(html)?.[1]
  if (json === undefined) throw new Error('the page has no first screen')
  return { html, firstScreen: JSON.parse(json) as FirstScreen, scripts: html.match(/<script[^>]*>/g) ?? [] }
}

describe('the first screen from the server', () => {
  it('holds the view’s first rows, read once through the proxy, and the data they were drawn from', async () => {
    const { bare, searches } = server(searchAnswer)
    const { html, firstScreen } = await page(await bare('/?status=unread', { headers: TYPED }))
    expect(html).toMatch(/role="row"[^>]*data-conversation-id="conv-1"/)
    expect(html).toContain('Person conv-2')
    expect(html).toContain('Message of conv-2')
    expect(searches()).toHaveLength(1)
    const [search] = searches()
    expect(new URL(search?.url ?? '').searchParams.get('status')).toBe('unread')
    expect(new URL(search?.url ?? '').searchParams.get('locationId')).toBe(LOCATION_ID)
    expect(firstScreen.firstPage?.status).toBe(200)
    expect(firstScreen.config.locationId).toBe(LOCATION_ID)
  })

  it('a conversation’s URL has the pane too', async () => {
    const { bare } = server(searchAnswer)
    const { html } = await page(await bare('/conversations/conv-2', { headers: TYPED }))
    expect(html).toContain('aria-label="Conversation"')
    expect(html).toMatch(/aria-label="Conversation"[^]*Person conv-2/)
  })

  it('keeps a hostile message body inert, in the HTML and in the JSON', async () => {
    const { bare } = server(searchAnswer)
    const { html, firstScreen, scripts } = await page(await bare('/', { headers: TYPED }))
    // Only the page's own script elements: nothing from the data became one.
    expect(scripts).toEqual(['<script src="/theme.js">', '<script type="application/json" id="first-screen">', '<script type="module" src="/assets/index-abc123.js">'])
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain(HOSTILE_NAME)
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    const [first] = (firstScreen.firstPage?.body as { conversations: { fullName: string; lastMessageBody: string }[] }).conversations
    expect(first).toMatchObject({ fullName: HOSTILE_NAME, lastMessageBody: HOSTILE_BODY })
  })

  it('does not wait past FIRST_PAGE_WAIT_MS: the shell without rows, and the browser’s read joins the one in flight', async () => {
    let answer: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      answer = resolve
    })
    const { bare, request, searches } = server(async () => {
      await held
      return searchAnswer()
    }, 20)
    const { html, firstScreen } = await page(await bare('/', { headers: TYPED }))
    expect(firstScreen.firstPage).toBeUndefined()
    expect(html).not.toContain('data-conversation-id')
    expect(html).toContain('<h1')
    // The browser asks for the same page: no second upstream call.
    const own = request((await renderEntry()).firstPageRequest(''))
    answer()
    expect((await own).status).toBe(200)
    expect(searches()).toHaveLength(1)
  })

  it('sends the head at once, so the browser fetches the scripts while HighLevel is asked; the rows follow', async () => {
    let answer: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      answer = resolve
    })
    const { bare, searches } = server(async () => {
      await held
      return searchAnswer()
    })
    const response = await bare('/', { headers: TYPED })
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader()
    if (!reader) throw new Error('no body')
    const first = await reader.read()
    expect(first.value).toContain('<script src="/theme.js">')
    expect(first.value).not.toContain('first-screen')
    answer()
    let rest = ''
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest += next.value
    expect(rest).toMatch(/role="row"[^>]*data-conversation-id="conv-1"/)
    expect(rest).toContain('<script type="application/json" id="first-screen">')
    expect(searches()).toHaveLength(1)
  })

  it('a render that fails sends the rest of index.html as built, for the browser to render itself, and says so in the log', async () => {
    const upstream = recordingUpstream(searchAnswer)
    const broken = async () => ({ ...(await renderEntry()), renderApp: () => Promise.reject(new Error('the render broke')) })
    const { bare, logs } = testServer({ distDir: DIST, renderEntry: broken, upstream })
    const html = await (await bare('/', { headers: TYPED })).text()
    expect(html).toContain('<div id="root"></div>')
    expect(html).not.toContain('first-screen')
    expect(html).toContain('<script type="module" src="/assets/index-abc123.js">')
    expect(logs.join('\n')).toContain('error: rendering /: the render broke')
  })

  it('a server render that cannot be loaded (a half-written build) serves index.html as built, and says so in the log', async () => {
    const { bare, logs } = testServer({ distDir: DIST, renderEntry: () => Promise.reject(new SyntaxError('Unexpected end of input')), upstream: recordingUpstream(searchAnswer) })
    const response = await bare('/', { headers: TYPED })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain(`<div id="root">${APP_HTML_MARK}</div>`)
    expect(logs.join('\n')).toContain('error: loading the server render: Unexpected end of input')
  })

  it('carries HighLevel’s refusal in the page, which shows the list’s error state', async () => {
    const { bare } = server(() => Response.json({ message: 'Invalid token' }, { status: 401 }))
    const { html, firstScreen } = await page(await bare('/', { headers: TYPED }))
    expect(firstScreen.firstPage?.status).toBe(401)
    expect(html).toContain('role="alert"')
  })

  it('carries a failure the app would retry in the page too, and leaves the retrying to the app', async () => {
    const { bare } = server(() => Response.json({ message: 'HighLevel is down' }, { status: 500 }))
    const { html, firstScreen } = await page(await bare('/', { headers: TYPED }))
    expect(firstScreen.firstPage?.status).toBeGreaterThanOrEqual(500)
    expect(html).not.toContain('data-conversation-id')
    expect(html).toContain('<h1')
  })

  it('reads nothing upstream for a cross-site navigation (or one that does not say): the shell alone', async () => {
    const { bare, upstream } = server(searchAnswer)
    for (const headers of [{ ...TYPED, 'sec-fetch-site': 'cross-site' }, { ...TYPED, 'sec-fetch-mode': 'no-cors' }, { accept: 'text/html' }]) {
      const { html, firstScreen } = await page(await bare('/?status=unread', { headers }))
      expect(firstScreen.firstPage).toBeUndefined()
      expect(html).not.toContain('data-conversation-id')
    }
    expect(upstream.requests).toEqual([])
  })

  it('renders no rows for a browser in another time zone or locale (its dates and counts would differ)', async () => {
    const { bare, upstream } = server(searchAnswer)
    const { html } = await page(await bare('/', { headers: { ...TYPED, cookie: 'inbox-zone=Pacific%2FChatham%20fr-FR' } }))
    expect(html).not.toContain('data-conversation-id')
    expect(upstream.requests).toEqual([])
  })

  it('reads nothing for a path that is no page of the app', async () => {
    const { bare, upstream } = server(searchAnswer)
    const { html } = await page(await bare('/no/such/page', { headers: TYPED }))
    expect(html).toContain('There is no such page')
    expect(upstream.requests).toEqual([])
  })

  it('renders with the stored density the browser mirrored to its cookie', async () => {
    const { bare } = server(searchAnswer)
    const cookie = `inbox-storage=${encodeURIComponent(JSON.stringify({ 'highlevel-inbox:preferences': JSON.stringify({ density: 'compact' }) }))}`
    const { html, firstScreen } = await page(await bare('/', { headers: { ...TYPED, cookie } }))
    expect(html).toContain('data-density="compact"')
    expect(Object.keys(firstScreen.storage)).toEqual(['highlevel-inbox:preferences'])
  })
})
