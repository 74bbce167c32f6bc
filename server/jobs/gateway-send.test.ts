import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { Forward } from '../proxy/forward.ts'
import { sendThroughGateway } from './gateway-send.ts'

describe('sendThroughGateway', () => {
  it("leaves no listener on the job's signal once a call has ended, however many calls it makes", async () => {
    const seen: AbortSignal[] = []
    const forward: Forward = async (request) => {
      seen.push(request.signal)
      return Response.json({ ok: true })
    }
    const send = sendThroughGateway(forward)
    const job = new AbortController()
    for (let i = 0; i < 50; i += 1) await send({ method: 'GET', path: '/conversations/search' }, { signal: job.signal, priority: 'bulk', client: 'job:1' })
    expect(getEventListeners(job.signal, 'abort')).toHaveLength(0)
    expect(seen).toHaveLength(50)
  })

  it("aborts a call in flight when the job's signal aborts", async () => {
    const job = new AbortController()
    const forward: Forward = (request) =>
      new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }))
    const pending = sendThroughGateway(forward)({ method: 'GET', path: '/conversations/search' }, { signal: job.signal, priority: 'bulk', client: 'job:1' })
    job.abort(new Error('shutting down'))
    await expect(pending).rejects.toThrow('shutting down')
  })
})
