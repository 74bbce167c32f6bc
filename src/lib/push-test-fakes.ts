import type { EventSourceLike, PushChannelOptions } from './push-channel'
import type { BroadcastChannelLike, LockManagerLike } from './push-leader'

/**
 * One browser for the push-channel tests: tabs share BroadcastChannels (delivered later, never
 * to the sender, like the real one), Web Locks and the EventSources they open. jsdom has none.
 */

export class FakeEventSource implements EventSourceLike {
  readyState = 0
  closed = false
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent<string>) => void) | null = null
  onerror: ((event: Event) => void) | null = null

  constructor(readonly url: string, readonly tabId: string) {}

  open(): void {
    this.readyState = 1
    this.onopen?.(new Event('open'))
  }
  emit(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data) }))
  }
  /** A dropped connection the browser retries by itself. */
  drop(): void {
    this.readyState = 0
    this.onerror?.(new Event('error'))
  }
  /** A connection the browser gave up on (e.g. the server answered 503). */
  fail(): void {
    this.readyState = 2
    this.onerror?.(new Event('error'))
  }
  close(): void {
    this.readyState = 2
    this.closed = true
  }
}

class FakeChannel implements BroadcastChannelLike {
  onmessage: ((event: MessageEvent) => void) | null = null
  closed = false

  constructor(readonly name: string, private readonly peers: Set<FakeChannel>) {
    peers.add(this)
  }
  postMessage(message: unknown): void {
    if (this.closed) return
    // A structured clone, delivered after the current task as the real one is.
    const data: unknown = JSON.parse(JSON.stringify(message))
    for (const peer of this.peers) {
      if (peer !== this && peer.name === this.name) {
        void Promise.resolve().then(() => !peer.closed && peer.onmessage?.(new MessageEvent('message', { data })))
      }
    }
  }
  close(): void {
    this.closed = true
    this.peers.delete(this)
  }
}

interface LockRequest {
  tabId: string
  callback: (lock: unknown) => Promise<void>
}

export class FakeBrowser {
  readonly sources: FakeEventSource[] = []
  private readonly channels = new Set<FakeChannel>()
  private readonly channelsOf = new Map<string, FakeChannel[]>()
  private readonly lockQueue: LockRequest[] = []
  private holder: string | undefined

  /** The options one tab's push channel gets; `locks: false` leaves Web Locks out. */
  tab(tabId: string, { locks = true } = {}): PushChannelOptions {
    const lockManager: LockManagerLike = {
      request: (_name, callback) => {
        this.lockQueue.push({ tabId, callback })
        this.grant()
        return Promise.resolve()
      },
    }
    return {
      tabId,
      locks: locks ? lockManager : undefined,
      createEventSource: (url) => {
        const source = new FakeEventSource(url, tabId)
        this.sources.push(source)
        return source
      },
      createBroadcastChannel: (name) => {
        const channel = new FakeChannel(name, this.channels)
        this.channelsOf.set(tabId, [...(this.channelsOf.get(tabId) ?? []), channel])
        return channel
      },
      random: () => 0.5,
    }
  }

  /** A tab killed without running its code: its channels close and its lock comes free. */
  crash(tabId: string): void {
    for (const channel of this.channelsOf.get(tabId) ?? []) channel.close()
    for (const source of this.sources) if (source.tabId === tabId) source.close()
    for (let index = this.lockQueue.length - 1; index >= 0; index -= 1) {
      if (this.lockQueue[index]?.tabId === tabId) this.lockQueue.splice(index, 1)
    }
    if (this.holder === tabId) this.release()
  }

  openSources(): FakeEventSource[] {
    return this.sources.filter((source) => !source.closed)
  }

  private grant(): void {
    if (this.holder !== undefined) return
    const next = this.lockQueue.shift()
    if (!next) return
    this.holder = next.tabId
    void next.callback({}).then(() => {
      if (this.holder === next.tabId) this.release()
    })
  }

  private release(): void {
    this.holder = undefined
    void Promise.resolve().then(() => this.grant())
  }
}

/** Lets queued channel messages and lock grants run. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 10; round += 1) await Promise.resolve()
}
