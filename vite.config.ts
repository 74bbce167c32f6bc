import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import type { ProxyOptions } from 'vite'
import { defineConfig } from 'vitest/config'

const INBOX_SERVER = 'http://127.0.0.1:4173'

/**
 * The inbox server behind the dev server. It answers only for its own Host and takes writes only
 * with its own Origin: a request the page made to the dev server's origin is given the inbox
 * server's (any other Origin goes on as it came, and is refused there).
 */
const inboxServer: ProxyOptions = {
  target: INBOX_SERVER,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (outgoing, incoming) => {
      const origin = incoming.headers.origin
      if (origin !== undefined && origin === `http://${incoming.headers.host}`) outgoing.setHeader('origin', INBOX_SERVER)
    })
  },
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), tailwindcss()],
  server: {
    // `npm run dev` talks to a running `npm run serve` for /api, /_inbox and /config.json.
    proxy: {
      '/api': inboxServer,
      // Bulk jobs, presence and the push stream; proxied responses are streamed as they come,
      // so Server-Sent Events arrive one by one (nothing here compresses or buffers them).
      '/_inbox': inboxServer,
      '/config.json': inboxServer,
    },
  },
  // The server's render (`vite build --ssr src/entry-server.tsx`, into dist/.server) bundles its
  // libraries, production builds of React among them, so the server needs no NODE_ENV of its own.
  ...(isSsrBuild ? { ssr: { noExternal: true }, define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  build: isSsrBuild ? { sourcemap: false, outDir: 'dist/.server', emptyOutDir: true, copyPublicDir: false } : {
    sourcemap: false,
    // Every browser of the build target preloads modules or loads them without the hint; the
    // polyfill would be 0.3 kB gzip of first-load script for none.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Libraries in a chunk of their own: it changes less often than the app (a returning
        // visitor keeps it cached), and lazy chunks share it instead of splitting React out.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
}))
