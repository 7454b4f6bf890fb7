/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './graphql-documents-plugin.ts';

// During `npm run dev` the API runs separately (`make run` serves it on :8080); the dev
// server forwards /graphql to it, WebSocket upgrades included, so the browser sees one origin
// as it does in production, where the Rust server serves `dist/` itself.
const api = process.env.ALLIANCE_HUB_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [graphqlDocuments(), react()],
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    // Everything a page needs is emitted as files: nothing inlined as data: URLs or
    // inline code, which the server's Content-Security-Policy would refuse.
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
