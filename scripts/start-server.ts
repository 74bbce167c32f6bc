import { spawn, type ChildProcess } from 'node:child_process'

export interface RunningServer {
  url: string
  stop(): Promise<void>
}

/**
 * Starts `npm run serve` (the server exactly as `npm start` runs it, on the built app) on a port
 * of its own, and resolves once `/config.json` answers.
 */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'serve'], {
    env: { ...process.env, GHL_TOKEN: '', HOST: '127.0.0.1', PORT: String(port), ...env },
    // The request log would drown the caller's own output; start-up failures still show on stderr.
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before it was ready`))),
  )
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(`${url}/config.json`)).ok) return
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  await Promise.race([ready, exited])
  // Once ready, the server's exit (on stop) is expected, not a failure.
  exited.catch(() => undefined)
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return
      const gone = new Promise((resolve) => child.once('exit', resolve))
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM')
      } catch {
        // The process group is already gone.
        return
      }
      await gone
    },
  }
}
