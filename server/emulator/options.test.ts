import { describe, expect, it } from 'vitest'
import { emulatorOptionsFromEnv } from './options'

describe('emulatorOptionsFromEnv', () => {
  it('reads every knob', () => {
    expect(
      emulatorOptionsFromEnv({
        EMULATOR_CONVERSATIONS: '200000',
        EMULATOR_SEED: '7',
        EMULATOR_NOW: '2025-06-01T12:00:00Z',
        EMULATOR_LATENCY_MS: '120',
        EMULATOR_JITTER_MS: '30',
        EMULATOR_FAILURE_RATE: '0.05',
        EMULATOR_RATE_LIMIT: '100/10000',
        EMULATOR_FIXTURE: './data.json',
        EMULATOR_LIVE_INTERVAL_MS: '5000',
        EMULATOR_TOKEN: 'secret',
      }),
    ).toEqual({
      conversations: 200000,
      seed: 7,
      now: Date.parse('2025-06-01T12:00:00Z'),
      latencyMs: 120,
      jitterMs: 30,
      failureRate: 0.05,
      rateLimit: { max: 100, intervalMs: 10000 },
      fixture: './data.json',
      liveIntervalMs: 5000,
      token: 'secret',
    })
  })

  it('leaves unset and empty values to the defaults', () => {
    expect(emulatorOptionsFromEnv({ EMULATOR_SEED: '', OTHER: 'x' })).toEqual({})
  })

  it('takes epoch milliseconds for the start time', () => {
    expect(emulatorOptionsFromEnv({ EMULATOR_NOW: '1748779200000' }).now).toBe(1748779200000)
  })

  it.each([
    ['EMULATOR_CONVERSATIONS', '200001', 'EMULATOR_CONVERSATIONS must be an integer from 0 to 200000, got "200001"'],
    ['EMULATOR_CONVERSATIONS', '5k', 'EMULATOR_CONVERSATIONS must be an integer from 0 to 200000, got "5k"'],
    ['EMULATOR_FAILURE_RATE', '1.5', 'EMULATOR_FAILURE_RATE must be a number from 0 to 1, got "1.5"'],
    ['EMULATOR_RATE_LIMIT', '100', 'EMULATOR_RATE_LIMIT must look like 100/10000 (requests per milliseconds), got "100"'],
    ['EMULATOR_NOW', 'yesterday', 'EMULATOR_NOW must be epoch milliseconds or an ISO date, got "yesterday"'],
    ['EMULATOR_LATENCY_MS', '-5', 'EMULATOR_LATENCY_MS must be an integer from 0 to 60000, got "-5"'],
    ['EMULATOR_LIVE_INTERVAL_MS', '0', 'EMULATOR_LIVE_INTERVAL_MS must be an integer from 1 to 86400000, got "0"'],
  ])('rejects %s=%s in one clear line', (name, value, message) => {
    expect(() => emulatorOptionsFromEnv({ [name]: value })).toThrow(message)
  })
})
