/** Reading the environment: shared by the server's settings and the emulator's knobs. */

export type Env = Record<string, string | undefined>

/** A variable's value, trimmed; `undefined` when unset or empty (`.env` files often hold `NAME=`). */
export function readEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

/** `100/10000`: 100 requests per 10,000 ms (both at least 1); `undefined` for anything else. */
export function parseRequestsPerWindow(text: string): { limit: number; windowMs: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text)
  const limit = Number(match?.[1])
  const windowMs = Number(match?.[2])
  return match && limit >= 1 && windowMs >= 1 ? { limit, windowMs } : undefined
}
