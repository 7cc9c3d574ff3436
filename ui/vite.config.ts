/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app builds into dist/app/, which ui/embed.go embeds; dist/README.md
// stays in git so that `go build` works without Node. `npm run dev` serves
// the app with hot reload and sends the API to a Go server on :8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline modulepreload polyfill script: the CSP allows scripts from
    // 'self' only.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/v1.0': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    setupFiles: ['src/test/setup.ts'],
  },
});
