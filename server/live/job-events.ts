import type { PushEvent } from '../../src/lib/push-events.ts'
import { FINAL_STATES, type JobEvent, type JobView } from '../jobs/model.ts'

export interface JobEventRelayOptions {
  onEvent: (listener: (event: JobEvent) => void) => () => void
  publish: (event: PushEvent) => void
  /** At most one progress event per job this often (default 1 s); a change of state goes at once. */
  intervalMs?: number
  now?: () => number
}

export interface JobEventRelay {
  /** Stops relaying; progress held back is dropped. */
  stop(): void
}

function bulkEvent(job: JobView): PushEvent {
  return { type: 'bulk', jobId: job.id, state: job.state, done: job.total - job.remaining, failed: job.failed, total: job.total }
}

interface Relayed {
  state: string
  sentAt: number
  /** The newest view not sent yet, and the timer that sends it. */
  pending?: { job: JobView; timer: ReturnType<typeof setTimeout> }
}

/**
 * A job changes with every outcome (a thousand times for a thousand conversations): open
 * inboxes hear of it about once a second, plus every change of state and the final counts.
 */
export function relayJobEvents(options: JobEventRelayOptions): JobEventRelay {
  const intervalMs = options.intervalMs ?? 1000
  const now = options.now ?? Date.now
  const jobs = new Map<string, Relayed>()

  const send = (job: JobView, relayed: Relayed | undefined): void => {
    if (relayed?.pending) clearTimeout(relayed.pending.timer)
    if (FINAL_STATES.has(job.state)) jobs.delete(job.id)
    else jobs.set(job.id, { state: job.state, sentAt: now() })
    options.publish(bulkEvent(job))
  }

  const unsubscribe = options.onEvent((event) => {
    if (event.type !== 'job') return
    const { job } = event
    const relayed = jobs.get(job.id)
    const due = relayed === undefined || relayed.state !== job.state || now() - relayed.sentAt >= intervalMs
    if (due) return send(job, relayed)
    if (relayed.pending) return void (relayed.pending.job = job)
    const timer = setTimeout(() => {
      const latest = jobs.get(job.id)?.pending?.job
      if (latest) send(latest, undefined)
    }, relayed.sentAt + intervalMs - now())
    timer.unref?.()
    relayed.pending = { job, timer }
  })

  return {
    stop() {
      unsubscribe()
      for (const relayed of jobs.values()) if (relayed.pending) clearTimeout(relayed.pending.timer)
      jobs.clear()
    },
  }
}
