import { use, useSyncExternalStore } from 'react'
import { FirstScreenContext } from './first-screen-context'

/**
 * One clock for every relative time on screen: a single timer, started by the first reader and
 * stopped with the last, instead of one per row.
 */
function createClock(intervalMs: number) {
  let now = Date.now()
  const listeners = new Set<() => void>()
  let timer: ReturnType<typeof setInterval> | undefined

  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      if (!timer) {
        now = Date.now()
        timer = setInterval(() => {
          now = Date.now()
          for (const notify of listeners) notify()
        }, intervalMs)
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && timer) {
          clearInterval(timer)
          timer = undefined
        }
      }
    },
    // With no reader the clock is stopped: the first reader after a pause gets the time now,
    // not the time the clock stopped.
    getSnapshot: () => {
      if (!timer && Date.now() - now >= intervalMs) now = Date.now()
      return now
    },
  }
}

const minuteClock = createClock(60_000)

/**
 * The current time in ms, updated every minute. A server-rendered page's first render (and the
 * server's) reads the server's clock, so both show the same relative times.
 */
export function useNow(): number {
  const rendered = use(FirstScreenContext)?.now
  return useSyncExternalStore(minuteClock.subscribe, minuteClock.getSnapshot, () => rendered ?? minuteClock.getSnapshot())
}
