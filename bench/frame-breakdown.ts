/**
 * Where a scroll run's frames go: a DevTools timeline trace of the run, its events' self time
 * summed per kind of work, divided by the frames the run drew.
 */
import type { CDPSession } from '@playwright/test'

export const WORK_KINDS = ['script', 'style', 'layout', 'paint', 'layerize', 'other'] as const
export type WorkKind = (typeof WORK_KINDS)[number]

/** Milliseconds per frame. The main-thread kinds sum to its busy time; `raster` ran on other threads. */
export type FrameBreakdown = Record<WorkKind | 'raster', number> & {
  /**
   * The main thread's CPU time per frame (thread time, without the time throttling or other
   * processes kept it off the CPU): steadier than wall time on a busy machine, to compare changes.
   */
  cpu: Record<WorkKind, number>
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8',
  'blink.user_timing',
].join(',')

/** Event names as DevTools' Performance panel groups them; tasks and anything unnamed here are "other". */
const KIND_OF: Record<string, WorkKind> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.compile': 'script',
  'v8.compileModule': 'script',
  'v8.evaluateModule': 'script',
  'V8.Execute': 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  FireAnimationFrame: 'script',
  FireIdleCallback: 'script',
  RunMicrotasks: 'script',
  MinorGC: 'script',
  MajorGC: 'script',
  'V8.GC_SCAVENGER': 'script',
  'BlinkGC.AtomicPhase': 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'layerize',
  UpdateLayer: 'layerize',
  UpdateLayerTree: 'layerize',
  Commit: 'layerize',
  CompositeLayers: 'layerize',
}
const RASTER = new Set(['RasterTask', 'Rasterize'])

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tts?: number
  tdur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

export interface TracedRun<T> {
  result: T
  events: TraceEvent[]
}

/** Runs `work` with a timeline trace recording, and hands back the trace's events. */
export async function traced<T>(cdp: CDPSession, work: () => Promise<T>): Promise<TracedRun<T>> {
  const events: TraceEvent[] = []
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]))
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(',') }, transferMode: 'ReportEvents' })
  let result: T
  try {
    result = await work()
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
    await cdp.send('Tracing.end')
    await complete
    cdp.off('Tracing.dataCollected', collect)
  }
  return { result, events }
}

interface Span {
  name: string
  start: number
  end: number
  cpu: number
}

/** One thread's complete and begin/end events as spans, outermost first. */
function spansOf(events: TraceEvent[]): Span[] {
  const spans: Span[] = []
  const open: TraceEvent[] = []
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.ph === 'X') spans.push({ name: event.name, start: event.ts, end: event.ts + (event.dur ?? 0), cpu: event.tdur ?? 0 })
    else if (event.ph === 'B') open.push(event)
    else if (event.ph === 'E') {
      const begin = open.pop()
      if (begin) spans.push({ name: begin.name, start: begin.ts, end: event.ts, cpu: (event.tts ?? 0) - (begin.tts ?? 0) })
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end)
}

const noTime = () => Object.fromEntries(WORK_KINDS.map((kind) => [kind, 0])) as Record<WorkKind, number>

/**
 * Self time (µs, wall and CPU) per kind; a span of no kind of its own inside one of a known kind
 * counts as its parent's.
 */
function selfTimes(spans: Span[]): { wall: Record<WorkKind, number>; cpu: Record<WorkKind, number> } {
  const wall = noTime()
  const cpu = noTime()
  const stack: { span: Span; kind: WorkKind; children: number; childrenCpu: number }[] = []
  const close = (until: number) => {
    while (stack.length > 0 && (stack.at(-1)?.span.end ?? 0) <= until) {
      const done = stack.pop()
      if (!done) break
      wall[done.kind] += Math.max(0, done.span.end - done.span.start - done.children)
      cpu[done.kind] += Math.max(0, done.span.cpu - done.childrenCpu)
      const parent = stack.at(-1)
      if (parent) {
        parent.children += done.span.end - done.span.start
        parent.childrenCpu += done.span.cpu
      }
    }
  }
  for (const span of spans) {
    close(span.start)
    const parent = stack.at(-1)
    if (parent && span.end > parent.span.end) continue
    stack.push({ span, kind: KIND_OF[span.name] ?? parent?.kind ?? 'other', children: 0, childrenCpu: 0 })
  }
  close(Number.POSITIVE_INFINITY)
  return { wall, cpu }
}

/** The renderer main thread that worked the most: the page's (other pages of the browser idle). */
export function frameBreakdown(events: TraceEvent[], frames: number): FrameBreakdown {
  const key = (event: TraceEvent) => `${event.pid}:${event.tid}`
  const mainThreads = new Set(
    events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map(key),
  )
  const byThread = new Map<string, TraceEvent[]>()
  for (const event of events) {
    if (!mainThreads.has(key(event))) continue
    const threadEvents = byThread.get(key(event)) ?? []
    threadEvents.push(event)
    byThread.set(key(event), threadEvents)
  }
  let best: ReturnType<typeof selfTimes> | undefined
  let bestPid = -1
  for (const [thread, threadEvents] of byThread) {
    const totals = selfTimes(spansOf(threadEvents))
    const busy = (t: ReturnType<typeof selfTimes>) => WORK_KINDS.reduce((sum, kind) => sum + t.wall[kind], 0)
    if (!best || busy(totals) > busy(best)) {
      best = totals
      bestPid = Number(thread.split(':')[0])
    }
  }
  const raster = events
    .filter((event) => event.pid === bestPid && event.ph === 'X' && RASTER.has(event.name))
    .reduce((sum, event) => sum + (event.dur ?? 0), 0)
  const perFrame = (us: number) => us / 1000 / Math.max(1, frames)
  const breakdown = { raster: perFrame(raster), cpu: noTime() } as FrameBreakdown
  for (const kind of WORK_KINDS) {
    breakdown[kind] = perFrame(best?.wall[kind] ?? 0)
    breakdown.cpu[kind] = perFrame(best?.cpu[kind] ?? 0)
  }
  return breakdown
}

export function formatBreakdown(breakdown: FrameBreakdown): string {
  const line = (times: Record<WorkKind, number>) => {
    const main = WORK_KINDS.reduce((sum, kind) => sum + times[kind], 0)
    return `${WORK_KINDS.map((kind) => `${kind} ${times[kind].toFixed(1)}`).join(', ')} (main thread ${main.toFixed(1)})`
  }
  return `${line(breakdown)}; raster ${breakdown.raster.toFixed(1)} ms\n  CPU time per frame: ${line(breakdown.cpu)}`
}
