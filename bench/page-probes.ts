/**
 * The bench's instruments inside the page: installed before the app's scripts run (as an init
 * script) and driven from Node with `page.evaluate(() => window.__bench.…)`. Everything is timed
 * with requestAnimationFrame, so a figure is what reaches the screen, not what reaches the DOM.
 *
 * `installProbes` is serialised into the page: it may use only its argument and browser globals.
 */
import type { Selectors } from './config'

export interface ScrollRun {
  /** The time between consecutive frames, ms. */
  frameTimes: number[]
  /** The most body rows (data and placeholder) in the DOM, sampled every tenth frame. */
  maxRows: number
  /** Of the frames sampled (every third), those that showed part of the view blank or a placeholder row. */
  blankFrames: number
  blankSampled: number
  distancePx: number
}

export interface ReadRun {
  rowHeight: number
  totalMs: number
  /** Time during which a row in view was a placeholder, or part of the view had no row. */
  unloadedMs: number
  rowsRead: number
}

export interface BenchProbes {
  /** performance.now() of the first frame with a data row in the scroll container. */
  firstRowAt: number | null
  /**
   * performance.now() of the first frame in which React owns the first data row (it has the
   * row's fiber): rendered by the client, or hydrated from the server's HTML. Its handlers answer
   * from then on.
   */
  interactiveAt: number | null
  renderedRows(): number
  /** Frame times of the page doing nothing: how steady this machine's frames are at all. */
  idleFrames(count: number): Promise<number[]>
  scrollFixed(pxPerFrame: number, distancePx: number, maxMs: number): Promise<ScrollRun>
  read(rowsPerSecond: number, durationMs: number): Promise<ReadRun>
  /** Keep the scroll container at its bottom, every frame, until `stopLoading`. */
  startLoading(): void
  stopLoading(): void
  /** Start timing from the next click to the first frame that shows `expectedTotal` and a row. */
  armFilter(expectedTotal: number): void
  filterDone: Promise<number> | null
}

declare global {
  interface Window {
    /** Present on every page the bench opens. */
    __bench: BenchProbes
  }
}

export function installProbes(selectors: Selectors): void {
  if (Object.hasOwn(window, '__bench')) return
  const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve))
  const scroller = (): HTMLElement => {
    const element = document.querySelector<HTMLElement>(selectors.scroll)
    if (!element) throw new Error(`The page has no ${selectors.scroll}`)
    return element
  }
  const bodyRows = (root: ParentNode): Element[] =>
    [...root.querySelectorAll(selectors.row)].filter((row) => !row.querySelector(selectors.columnHeader))
  /** Cheap enough to run during scrolling even with 10,000 rows in the DOM. */
  const countBodyRows = (root: ParentNode): number => {
    const headerRows = new Set([...root.querySelectorAll(selectors.columnHeader)].map((header) => header.closest(selectors.row)))
    return root.querySelectorAll(selectors.row).length - headerRows.size
  }
  /** Marked as one, or a row of a single cell spanning columns (a "loading more" row). */
  const isPlaceholder = (row: Element): boolean =>
    row.matches(selectors.placeholder) || row.querySelector(`${selectors.cell}[aria-colspan]`) !== null
  const dataRows = (root: ParentNode): Element[] => bodyRows(root).filter((row) => !isPlaceholder(row))
  const hasDataRow = (): boolean => {
    const root = document.querySelector(selectors.scroll)
    return root !== null && dataRows(root).length > 0
  }

  /** True when part of the visible band is a placeholder row or not covered by any row. */
  const seesUnloaded = (element: HTMLElement): boolean => {
    const box = element.getBoundingClientRect()
    const bottom = box.top + element.clientHeight
    let top = box.top
    const spans: [number, number][] = []
    for (const row of element.querySelectorAll(selectors.row)) {
      const rect = row.getBoundingClientRect()
      if (row.querySelector(selectors.columnHeader)) {
        top = Math.max(top, rect.bottom)
        continue
      }
      if (rect.bottom <= box.top || rect.top >= bottom) continue
      if (isPlaceholder(row)) return true
      spans.push([rect.top, rect.bottom])
    }
    const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 1
    let covered = top
    for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
      if (from > covered + 1) break
      covered = Math.max(covered, to)
    }
    return covered < bottom - 1 && !atEnd
  }

  let loading = false
  const probes: BenchProbes = {
    firstRowAt: null,
    interactiveAt: null,
    filterDone: null,
    renderedRows: () => countBodyRows(scroller()),

    idleFrames: async (count) => {
      const frameTimes: number[] = []
      let last = await nextFrame()
      while (frameTimes.length < count) {
        const now = await nextFrame()
        frameTimes.push(now - last)
        last = now
      }
      return frameTimes
    },

    scrollFixed: async (pxPerFrame, distancePx, maxMs) => {
      const element = scroller()
      const start = element.scrollTop
      const frameTimes: number[] = []
      let maxRows = countBodyRows(element)
      let blankFrames = 0
      let blankSampled = 0
      const begin = await nextFrame()
      let last = begin
      for (let frame = 1; frame * pxPerFrame <= distancePx && last - begin < maxMs; frame++) {
        element.scrollTop = start + frame * pxPerFrame
        // What this frame paints: the new offset over the rows rendered for the last one (the
        // app renders for an offset on its scroll event, in the next frame). The layout this
        // forces is the frame's own, done early; sampled, as the check itself costs time.
        if (frame % 3 === 0) {
          blankSampled++
          if (seesUnloaded(element)) blankFrames++
        }
        const now = await nextFrame()
        frameTimes.push(now - last)
        last = now
        if (frame % 10 === 0) maxRows = Math.max(maxRows, countBodyRows(element))
      }
      return { frameTimes, maxRows, blankFrames, blankSampled, distancePx: element.scrollTop - start }
    },

    read: async (rowsPerSecond, durationMs) => {
      const element = scroller()
      const rowHeight = dataRows(element)[0]?.getBoundingClientRect().height ?? 0
      if (rowHeight === 0) throw new Error('No data row to measure the row height from')
      const pxPerMs = (rowsPerSecond * rowHeight) / 1000
      const start = element.scrollTop
      const begin = await nextFrame()
      let last = begin
      let unloadedMs = 0
      while (last - begin < durationMs) {
        element.scrollTop = start + (last - begin) * pxPerMs
        const now = await nextFrame()
        // What this frame shows stays on screen until the next one.
        if (seesUnloaded(element)) unloadedMs += now - last
        last = now
      }
      return { rowHeight, totalMs: last - begin, unloadedMs, rowsRead: (element.scrollTop - start) / rowHeight }
    },

    startLoading: () => {
      const element = scroller()
      loading = true
      const step = () => {
        if (!loading) return
        element.scrollTop = element.scrollHeight
        requestAnimationFrame(step)
      }
      requestAnimationFrame(step)
    },
    stopLoading: () => {
      loading = false
    },

    armFilter: (expectedTotal) => {
      let clickedAt: number | null = null
      addEventListener('click', () => (clickedAt ??= performance.now()), { capture: true, once: true })
      const shownTotal = (): number | undefined => {
        const text = (document.querySelector('main') ?? document.body).textContent ?? ''
        const digits = /(\d[\d,.\u00a0 ]*)\s*conversations?/.exec(text)?.[1]?.replace(/\D/g, '')
        return digits ? Number(digits) : undefined
      }
      probes.filterDone = (async () => {
        for (;;) {
          await nextFrame()
          if (clickedAt !== null && shownTotal() === expectedTotal && hasDataRow()) return performance.now() - clickedAt
        }
      })()
    },
  }
  window.__bench = probes

  const watchFirstRow = () => {
    if (hasDataRow()) probes.firstRowAt = performance.now()
    else requestAnimationFrame(watchFirstRow)
  }
  requestAnimationFrame(watchFirstRow)

  const ownedByReact = (): boolean => {
    const root = document.querySelector(selectors.scroll)
    const row = root === null ? undefined : dataRows(root)[0]
    return row !== undefined && Object.keys(row).some((key) => key.startsWith('__reactFiber$'))
  }
  const watchInteractive = () => {
    if (ownedByReact()) probes.interactiveAt = performance.now()
    else requestAnimationFrame(watchInteractive)
  }
  requestAnimationFrame(watchInteractive)
}
