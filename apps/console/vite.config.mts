import preact from '@preact/preset-vite';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// The console is built into dist/console, which the gateway serves under `/` (apps/gateway/src/console).
export default defineConfig({
  root: here,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: resolve(here, '../../dist/console'),
    emptyOutDir: true,
    // Fonts and scripts as files: the CSP allows only this origin's files, never inline data.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2020',
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
