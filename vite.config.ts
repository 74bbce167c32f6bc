import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    // `npm run dev` talks to a running `npm run serve` for /api and /config.json.
    proxy: {
      '/api': 'http://127.0.0.1:4173',
      '/config.json': 'http://127.0.0.1:4173',
    },
  },
  build: {
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
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
})
