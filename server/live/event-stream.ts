import type { Frame, LiveHub } from './hub.ts'

export interface EventStreamOptions {
  hub: LiveHub
  /** From the `Last-Event-ID` header (EventSource's own reconnects) or `?lastEventId=`. */
  lastEventId: string | undefined
  /** The request's signal: the browser went away. */
  signal: AbortSignal
  /** Frames sent right after catch-up, e.g. the current presence. */
  initial: readonly Frame[]
  /** A comment this often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs: number
  /** How long EventSource waits before reconnecting after a drop. */
  retryMs: number
  /** A client this many frames behind is dropped (it reconnects and catches up from the buffer). */
  maxQueuedFrames: number
  /** Called once when the stream ends, whoever ends it. */
  onClose: () => void
}

/** One event as Server-Sent Events text. The data is JSON, so it holds no newline. */
export function formatFrame(frame: Frame): string {
  return `${frame.id === undefined ? '' : `id: ${frame.id}\n`}data: ${frame.data}\n\n`
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  // nginx and some other reverse proxies buffer responses unless told not to.
  'x-accel-buffering': 'no',
} as const

/** A `text/event-stream` response fed by the hub until the browser leaves or falls too far behind. */
export function openEventStream(options: EventStreamOptions): Response {
  const encoder = new TextEncoder()
  let stop = (): void => {}

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false
      let unsubscribe = (): void => {}
      const close = (): void => {
        if (closed) return
        closed = true
        clearInterval(heartbeat)
        unsubscribe()
        options.signal.removeEventListener('abort', close)
        options.onClose()
        try {
          controller.close()
        } catch {
          // Already cancelled by the reader.
        }
      }
      const write = (text: string): void => {
        if (closed) return
        if ((controller.desiredSize ?? 0) < -options.maxQueuedFrames) return close()
        controller.enqueue(encoder.encode(text))
      }
      stop = close

      const heartbeat = setInterval(() => write(': ping\n\n'), options.heartbeatMs)
      heartbeat.unref?.()
      options.signal.addEventListener('abort', close, { once: true })
      write(`retry: ${options.retryMs}\n\n`)
      const subscription = options.hub.subscribe((frame) => write(formatFrame(frame)), options.lastEventId)
      unsubscribe = subscription.unsubscribe
      // Catch-up alone may have overrun the queue and closed the stream before `unsubscribe` was set.
      if (closed) return subscription.unsubscribe()
      if (options.signal.aborted) return close()
      for (const frame of options.initial) write(formatFrame(frame))
    },
    cancel() {
      stop()
    },
  })
  return new Response(body, { headers: SSE_HEADERS })
}
