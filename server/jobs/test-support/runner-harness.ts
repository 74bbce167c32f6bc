import { vi } from 'vitest'
import { createMemoryJobStore, type JobStore } from '../job-store.ts'
import { FINAL_STATES, type JobView } from '../model.ts'
import { createJobRunner, type JobRunner, type JobRunnerOptions } from '../runner.ts'
import { createFakeHighLevel, createFakePacer, LOCATION, type FakeConversation } from './fake-highlevel.ts'

export const NOW = 1_750_000_000_000

/** A runner over a fake HighLevel, a fake pacer and (by default) an in-memory store. */
export async function createHarness(rows: FakeConversation[], options: Partial<JobRunnerOptions> & { store?: JobStore } = {}) {
  const fake = createFakeHighLevel(rows)
  const pacer = createFakePacer()
  const store = options.store ?? createMemoryJobStore()
  let ids = 0
  const log: string[] = []
  const runner = await createJobRunner({
    store,
    send: fake.send,
    pacer,
    locationId: LOCATION,
    now: () => NOW,
    newId: () => `job${++ids}`,
    log: (line) => log.push(line),
    retry: { random: () => 1 },
    ...options,
  })
  return { fake, pacer, store, runner, log }
}

/** With fake timers on: runs timers until the job has ended. */
export async function untilEnded(runner: JobRunner, id: string): Promise<JobView> {
  for (let round = 0; round < 200; round++) {
    const job = runner.get(id)
    if (job && FINAL_STATES.has(job.state)) return job
    await vi.advanceTimersByTimeAsync(1000)
  }
  throw new Error(`job ${id} did not end: ${JSON.stringify(runner.get(id))}`)
}

/** A promise and its resolver, to hold an answer back until a test lets it go. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}
