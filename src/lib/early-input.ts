/**
 * The clicks and keys `public/theme.js` kept while the page was the server's HTML alone: the
 * app stops the keeping as it takes the page over, and replays them once it has.
 */
interface EarlyInput {
  events: Event[]
  stop: () => void
}

declare global {
  interface Window {
    __earlyInput?: EarlyInput | undefined
  }
}

/** Stops keeping events: from here on the app hears them itself. Returns those kept. */
export function stopEarlyInput(): Event[] {
  const early = window.__earlyInput
  window.__earlyInput = undefined
  early?.stop()
  return early?.events ?? []
}

/** Sends each kept event again to its target, if that is still on the page. */
export function replayEarlyInput(events: readonly Event[]): void {
  for (const event of events) {
    const target = event.target
    if (!(target instanceof Element) || !target.isConnected) continue
    if (event instanceof MouseEvent) target.dispatchEvent(new MouseEvent(event.type, event))
    else if (event instanceof KeyboardEvent) target.dispatchEvent(new KeyboardEvent(event.type, event))
  }
}
